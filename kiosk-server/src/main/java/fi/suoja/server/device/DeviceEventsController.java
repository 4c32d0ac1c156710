package fi.suoja.server.device;

import fi.suoja.server.access.Role;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.sse.Event;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import java.time.Duration;

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
        Flux<Event<?>> devices = changes.stream().map(view -> Event.of(view).name("device").id(view.id()));
        Flux<Event<?>> keepAlive = Flux.interval(Duration.ofSeconds(20)).map(tick -> Event.of((Object) "ping").name("ping"));
        return Flux.merge(Flux.just(Event.of((Object) "connected").name("hello")), devices, keepAlive);
    }
}
