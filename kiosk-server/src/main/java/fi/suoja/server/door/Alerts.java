package fi.suoja.server.door;

import fi.suoja.server.access.AccessService;
import fi.suoja.server.access.KioskView;
import fi.suoja.server.db.Tx;
import fi.suoja.server.problem.SuojaException;
import fi.suoja.server.room.Room;
import fi.suoja.server.room.RoomService;
import fi.suoja.server.throttle.GuessingSlowed;
import fi.suoja.server.throttle.Scope;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;

/**
 * Staff alerts: raised when a door or sign could not be driven after every try, so that staff
 * can let the person in or check the device, and when someone seems to guess booking codes or
 * passwords; open until a member of staff acknowledges them. Every raise and acknowledgement is
 * told to the desks' live streams after its commit, so no desk has to ask again and again.
 */
@Singleton
class Alerts {

    private static final Logger LOG = LoggerFactory.getLogger(Alerts.class);

    private final StaffAlertRepository alerts;
    private final RoomService rooms;
    private final Tx tx;
    private final Clock clock;
    private final AccessService access;
    private final AlertChanges changes;

    Alerts(StaffAlertRepository alerts, RoomService rooms, Tx tx, Clock clock, AccessService access, AlertChanges changes) {
        this.access = access;
        this.changes = changes;
        this.alerts = alerts;
        this.rooms = rooms;
        this.tx = tx;
        this.clock = clock;
    }

    /** Raises an alert about a room, in a transaction of its own (the desks hear of it after its commit). */
    void raise(Room room, Long bookingId, String message) {
        save(room.siteId(), room.id(), bookingId, message);
        LOG.warn("Staff alert for room {} ({}): {}", room.id(), room.name(), message);
    }

    /** Someone is guessing booking codes at a kiosk, or passwords: staff should look who is there. */
    @EventListener
    void onGuessingSlowed(GuessingSlowed slowed) {
        Scope scope = slowed.scope();
        String message = switch (scope.kind()) {
            case KIOSK -> "Many wrong booking codes at the kiosk \"" + kioskName(scope) + "\" (" + slowed.wrongAttempts()
                    + "). Its tries are slowed down now; right codes still work. Is someone guessing?";
            case ACCOUNT -> "Many wrong passwords for the account \"" + scope.label() + "\" (" + slowed.wrongAttempts()
                    + "). Logins to it are slowed down now. If it was not its owner, change the password.";
            case ADDRESS -> "Many logins with unknown user names from " + scope.label() + " (" + slowed.wrongAttempts()
                    + "). Logins from there are slowed down now.";
        };
        save(scope.siteId(), null, null, message);
        LOG.warn("Staff alert about guessing ({}): {}", scope.key(), message);
    }

    private String kioskName(Scope scope) {
        return access.kiosk(Long.parseLong(scope.key().substring("kiosk:".length()))).map(KioskView::name).orElse(scope.label());
    }

    private void save(Long siteId, Long roomId, Long bookingId, String message) {
        String text = message.length() > StaffAlert.MESSAGE_MAX ? message.substring(0, StaffAlert.MESSAGE_MAX) : message;
        AlertView raised = tx.run(() -> view(alerts.save(new StaffAlert(null, siteId, roomId, bookingId, text, clock.instant(), null, null))));
        changes.emit(raised);
    }

    List<AlertView> open(Long siteId) {
        return tx.run(() -> (siteId == null ? alerts.findByAcknowledgedAtIsNullOrderByRaisedAt()
                : alerts.openOfSite(siteId)).stream().map(this::view).toList());
    }

    /** Acknowledging twice changes nothing (two staff may tap at once); only the first is told to the desks. */
    AlertView acknowledge(long id, String staff) {
        Acknowledged result = tx.run(() -> {
            alerts.findById(id).orElseThrow(() -> SuojaException.notFound("The alert"));
            boolean changed = alerts.acknowledge(id, clock.instant(), staff) == 1;
            return new Acknowledged(view(alerts.findById(id).orElseThrow()), changed);
        });
        if (result.changed()) {
            changes.emit(result.view());
        }
        return result.view();
    }

    private record Acknowledged(AlertView view, boolean changed) {
    }

    private AlertView view(StaffAlert a) {
        String roomName = a.roomId() == null ? null : rooms.get(a.roomId()).name();
        return new AlertView(a.id(), a.siteId(), a.roomId(), roomName, a.message(), a.raisedAt(), a.acknowledgedAt(),
                a.acknowledgedBy());
    }
}
