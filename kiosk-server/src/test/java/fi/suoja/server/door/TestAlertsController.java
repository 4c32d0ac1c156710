package fi.suoja.server.door;

import fi.suoja.server.OffsetClock;
import fi.suoja.server.access.Role;
import fi.suoja.server.db.Tx;
import fi.suoja.server.room.Room;
import fi.suoja.server.room.RoomService;
import fi.suoja.server.throttle.GuessingSlowed;
import fi.suoja.server.throttle.Scope;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Clock;

/**
 * Raises a staff alert of any code as the server's own paths raise it (a door task that failed, a
 * guessing scope slowed down, a row from before alerts had codes), for the kiosk UI's tests that
 * walk the desk with one alert of each kind; on a server run by those tests only, for an admin.
 */
@Controller("/test/alerts")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Role.ADMIN_ROLE)
@Requires(property = OffsetClock.SETTING, value = "true")
class TestAlertsController {

    private final Alerts alerts;
    private final StaffAlertRepository repository;
    private final RoomService rooms;
    private final Tx tx;
    private final Clock clock;

    TestAlertsController(Alerts alerts, StaffAlertRepository repository, RoomService rooms, Tx tx, Clock clock) {
        this.alerts = alerts;
        this.repository = repository;
        this.rooms = rooms;
        this.tx = tx;
        this.clock = clock;
    }

    /** {@code subject}: a kiosk id for CODES_GUESSED, a user name or address for the other guessing; LEGACY: the old text. */
    @Serdeable
    record Raise(long siteId, long roomId, AlertCode code, int attempts, @Nullable DoorFailure failure, @Nullable String subject) {
    }

    @Post
    @Status(HttpStatus.NO_CONTENT)
    void raise(@Body Raise body) {
        Room room = rooms.get(body.roomId());
        switch (body.code()) {
            case CODE_NOT_SET, CODE_NOT_REVOKED, DOOR_NOT_OPENED, SIGN_NOT_CHANGED, CANCELLED_CODE_MAY_OPEN ->
                    alerts.raise(room, null, body.code(), body.attempts(), body.failure(), "raised by a test");
            case CODES_GUESSED -> alerts.onGuessingSlowed(new GuessingSlowed(
                    Scope.kiosk(Long.parseLong(body.subject()), body.siteId()), body.attempts(), clock.instant()));
            case PASSWORDS_GUESSED -> alerts.onGuessingSlowed(new GuessingSlowed(Scope.account(body.subject()), body.attempts(),
                    clock.instant()));
            case NAMES_GUESSED -> alerts.onGuessingSlowed(new GuessingSlowed(Scope.address(body.subject()), body.attempts(),
                    clock.instant()));
            // a row as the server wrote it before alerts had codes; the desk learns of it when its stream (re)starts
            case LEGACY -> tx.run(() -> repository.save(new StaffAlert(null, body.siteId(), room.id(), null, AlertCode.LEGACY, null,
                    null, null, body.subject(), clock.instant(), null, null)));
        }
    }
}
