package fi.suoja.server.door;

import fi.suoja.server.access.AccessService;
import fi.suoja.server.access.KioskView;
import fi.suoja.server.db.Tx;
import fi.suoja.server.problem.SuojaException;
import fi.suoja.server.room.Room;
import fi.suoja.server.room.RoomService;
import fi.suoja.server.throttle.GuessingSlowed;
import fi.suoja.server.throttle.Scope;
import io.micronaut.core.annotation.Nullable;
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

    /**
     * Raises an alert about a room, in a transaction of its own (the desks hear of it after its commit).
     * {@code attempts} and {@code failure} where a door task failed; {@code detail}: the hardware's own
     * words, for the log and IT.
     */
    void raise(Room room, Long bookingId, AlertCode code, @Nullable Integer attempts, @Nullable DoorFailure failure, String detail) {
        save(room.siteId(), room.id(), bookingId, code, attempts, failure, null, detail);
        LOG.warn("Staff alert for room {} ({}): {} after {} tries, {}: {}", room.id(), room.name(), code, attempts, failure, detail);
    }

    /** Someone is guessing booking codes at a kiosk, or passwords: staff should look who is there. */
    @EventListener
    void onGuessingSlowed(GuessingSlowed slowed) {
        Scope scope = slowed.scope();
        AlertCode code = switch (scope.kind()) {
            case KIOSK -> AlertCode.CODES_GUESSED;
            case ACCOUNT -> AlertCode.PASSWORDS_GUESSED;
            case ADDRESS -> AlertCode.NAMES_GUESSED;
        };
        String subject = scope.kind() == Scope.Kind.KIOSK ? kioskName(scope) : scope.label();
        String detail = slowed.wrongAttempts() + " wrong tries for " + scope.key() + "; slowed down";
        save(scope.siteId(), null, null, code, slowed.wrongAttempts(), null, subject, detail);
        LOG.warn("Staff alert about guessing ({}): {}", scope.key(), detail);
    }

    private String kioskName(Scope scope) {
        return access.kiosk(Long.parseLong(scope.key().substring("kiosk:".length()))).map(KioskView::name).orElse(scope.label());
    }

    private void save(Long siteId, Long roomId, Long bookingId, AlertCode code, Integer attempts, DoorFailure failure,
                      String subject, String message) {
        StaffAlert alert = new StaffAlert(null, siteId, roomId, bookingId, code, attempts, failure, clip(subject, StaffAlert.SUBJECT_MAX),
                clip(message, StaffAlert.MESSAGE_MAX), clock.instant(), null, null);
        AlertView raised = tx.run(() -> view(alerts.save(alert)));
        changes.emit(raised);
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
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
        return new AlertView(a.id(), a.siteId(), a.roomId(), roomName, a.code(), a.attempts(), a.failure(), a.subject(), a.message(), a.raisedAt(), a.acknowledgedAt(),
                a.acknowledgedBy());
    }
}
