package fi.suoja.server.device;

import fi.suoja.server.access.Role;
import fi.suoja.server.live.EventStreams;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.sse.Event;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.reactivestreams.Publisher;

/**
 * Server-sent events of device changes for the staff desk: one {@code device} event with the
 * device's whole view per change, a {@code hello} event first, and a {@code ping} every 20 s so proxies keep the stream open.
 */
@Controller("/api/v1/devices/events")
@Secured(Role.STAFF_ROLE)
@SecurityRequirement(name = "bearer")
class DeviceEventsController {

    private final DeviceChanges changes;

    DeviceEventsController(DeviceChanges changes) {
        this.changes = changes;
    }

    @Get(produces = MediaType.TEXT_EVENT_STREAM)
    Publisher<Event<?>> stream() {
        return EventStreams.framed(changes.stream().map(view -> Event.of(view).name("device").id(view.id())));
    }
}
