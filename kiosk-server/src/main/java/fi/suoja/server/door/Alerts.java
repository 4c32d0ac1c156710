package fi.suoja.server.door;

import fi.suoja.server.db.Tx;
import fi.suoja.server.problem.SuojaException;
import fi.suoja.server.room.Room;
import fi.suoja.server.room.RoomService;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;

/**
 * Staff alerts: raised when a door or sign could not be driven after every try, so that staff
 * can let the person in or check the device; open until a member of staff acknowledges them.
 */
@Singleton
class Alerts {

    private static final Logger LOG = LoggerFactory.getLogger(Alerts.class);

    private final StaffAlertRepository alerts;
    private final RoomService rooms;
    private final Tx tx;
    private final Clock clock;

    Alerts(StaffAlertRepository alerts, RoomService rooms, Tx tx, Clock clock) {
        this.alerts = alerts;
        this.rooms = rooms;
        this.tx = tx;
        this.clock = clock;
    }

    /** Raises an alert about a room; inside the caller's transaction or its own. */
    void raise(Room room, Long bookingId, String message) {
        String text = message.length() > StaffAlert.MESSAGE_MAX ? message.substring(0, StaffAlert.MESSAGE_MAX) : message;
        tx.run(() -> alerts.save(new StaffAlert(null, room.siteId(), room.id(), bookingId, text, clock.instant(), null, null)));
        LOG.warn("Staff alert for room {} ({}): {}", room.id(), room.name(), text);
    }

    List<AlertView> open(Long siteId) {
        return tx.run(() -> (siteId == null ? alerts.findByAcknowledgedAtIsNullOrderByRaisedAt()
                : alerts.findBySiteIdAndAcknowledgedAtIsNullOrderByRaisedAt(siteId)).stream().map(this::view).toList());
    }

    AlertView acknowledge(long id, String staff) {
        return tx.run(() -> {
            StaffAlert alert = alerts.findById(id).orElseThrow(() -> SuojaException.notFound("The alert"));
            alerts.acknowledge(id, clock.instant(), staff);
            return view(alerts.findById(alert.id()).orElseThrow());
        });
    }

    private AlertView view(StaffAlert a) {
        String roomName = a.roomId() == null ? null : rooms.get(a.roomId()).name();
        return new AlertView(a.id(), a.siteId(), a.roomId(), roomName, a.message(), a.raisedAt(), a.acknowledgedAt(),
                a.acknowledgedBy());
    }
}
