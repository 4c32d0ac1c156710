package fi.suoja.server.door;

import fi.suoja.server.audit.AuditAction;
import fi.suoja.server.audit.AuditLog;
import fi.suoja.server.audit.Target;
import fi.suoja.server.db.Tx;
import fi.suoja.hardware.door.DoorLock;
import fi.suoja.hardware.door.LockId;
import fi.suoja.hardware.door.LockResult;
import fi.suoja.server.problem.ProblemType;
import fi.suoja.server.problem.SuojaException;
import fi.suoja.server.room.Room;
import fi.suoja.server.room.RoomService;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What staff do with doors directly: open one now, see how its lock is. */
@Singleton
class DoorService {

    private static final Logger LOG = LoggerFactory.getLogger(DoorService.class);

    private final RoomService rooms;
    private final DoorLock locks;
    private final LockReports reports;
    private final AuditLog audit;
    private final Tx tx;

    DoorService(RoomService rooms, DoorLock locks, LockReports reports, AuditLog audit, Tx tx) {
        this.audit = audit;
        this.tx = tx;
        this.rooms = rooms;
        this.locks = locks;
        this.reports = reports;
    }

    /** Opens a room's door now, as staff letting someone in; blocks until the lock answers or gives up. */
    void unlock(long roomId, String staff) {
        Room room = lockOf(roomId);
        String lockId = room.doorLockId();
        LockResult result = locks.unlock(new LockId(lockId));
        if (result instanceof LockResult.Refused refused) {
            throw new SuojaException(ProblemType.LOCK_UNREACHABLE, "The lock refused to open: " + refused.reason() + ".");
        }
        if (result instanceof LockResult.NoAnswer none) {
            throw new SuojaException(ProblemType.LOCK_UNREACHABLE,
                    "The lock did not answer after " + none.attempts() + " tries. Open the door with a key.");
        }
        LOG.info("Room {}: door opened by {}", roomId, staff);
        // The change is the open door, not a row: the entry is written once the lock said it opened.
        tx.run(() -> {
            audit.record(AuditAction.DOOR_UNLOCKED, room.siteId(), Target.room(roomId), null, null);
            return null;
        });
    }

    LockStatus status(long roomId) {
        Room room = lockOf(roomId);
        return reports.of(roomId, room.doorLockId(), room.keypad());
    }

    private Room lockOf(long roomId) {
        Room room = rooms.get(roomId);
        if (room.doorLockId() == null) {
            throw new SuojaException(ProblemType.NOT_FOUND, "This room has no door lock the server can reach.");
        }
        return room;
    }
}
