package fi.suoja.server.door;

import fi.suoja.server.access.Caller;
import fi.suoja.server.access.Role;
import fi.suoja.server.live.EventStreams;
import fi.suoja.server.problem.SuojaException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.reactivestreams.Publisher;

import java.util.List;

/** Doors for staff: open one now, see a lock's last report, and the alerts about doors and signs, also live. */
@Controller("/api/v1")
@Secured(Role.STAFF_ROLE)
@SecurityRequirement(name = "bearer")
@ExecuteOn(TaskExecutors.BLOCKING)
class DoorController {

    private final DoorService doors;
    private final Alerts alerts;
    private final AlertChanges changes;

    DoorController(DoorService doors, Alerts alerts, AlertChanges changes) {
        this.doors = doors;
        this.alerts = alerts;
        this.changes = changes;
    }

    /** Opens the room's door now; 502 lock-unreachable when the lock refuses or does not answer. */
    @Post("/rooms/{id}/unlock")
    @Status(HttpStatus.NO_CONTENT)
    void unlock(long id, Authentication authentication) {
        doors.unlock(id, staffName(authentication));
    }

    @Get("/rooms/{id}/lock")
    LockStatus lock(long id) {
        return doors.status(id);
    }

    /** Open alerts, oldest first; of one site with {@code siteId}. */
    @Get("/alerts{?siteId}")
    List<AlertView> alerts(@Nullable @QueryValue Long siteId) {
        return alerts.open(siteId);
    }

    /**
     * Server-sent events for a desk of the library {@code siteId}: its open alerts (and those for
     * every library) as one {@code alerts} event, then an {@code alert} event with the whole alert
     * each time one is raised or acknowledged. Every (re)connect starts with the open alerts, so
     * one raised while the stream was down is not lost.
     */
    @Get(value = "/alerts/events", produces = MediaType.TEXT_EVENT_STREAM)
    Publisher<Event<?>> events(@Nullable @QueryValue Long siteId) {
        if (siteId == null) {
            throw SuojaException.invalid("Name the library whose alerts to follow: siteId.");
        }
        return EventStreams.framed(changes.stateThenChanges(alert -> alert.siteId() == null || alert.siteId() == siteId.longValue(),
                () -> Event.of((Object) alerts.open(siteId)).name("alerts"),
                alert -> Event.of((Object) alert).name("alert").id(Long.toString(alert.id()))));
    }

    @Post("/alerts/{id}/acknowledge")
    AlertView acknowledge(long id, Authentication authentication) {
        return alerts.acknowledge(id, staffName(authentication));
    }

    private static String staffName(Authentication authentication) {
        return Caller.of(authentication) instanceof Caller.Staff staff ? staff.username() : authentication.getName();
    }
}
