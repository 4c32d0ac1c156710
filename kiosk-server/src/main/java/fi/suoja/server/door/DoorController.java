package fi.suoja.server.door;

import fi.suoja.server.access.Caller;
import fi.suoja.server.access.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import java.util.List;

/** Doors for staff: open one now, see a lock's last report, and the alerts about doors and signs. */
@Controller("/api/v1")
@Secured(Role.STAFF_ROLE)
@SecurityRequirement(name = "bearer")
@ExecuteOn(TaskExecutors.BLOCKING)
class DoorController {

    private final DoorService doors;
    private final Alerts alerts;

    DoorController(DoorService doors, Alerts alerts) {
        this.doors = doors;
        this.alerts = alerts;
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

    @Post("/alerts/{id}/acknowledge")
    AlertView acknowledge(long id, Authentication authentication) {
        return alerts.acknowledge(id, staffName(authentication));
    }

    private static String staffName(Authentication authentication) {
        return Caller.of(authentication) instanceof Caller.Staff staff ? staff.username() : authentication.getName();
    }
}
