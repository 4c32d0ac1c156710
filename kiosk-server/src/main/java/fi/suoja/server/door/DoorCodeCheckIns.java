package fi.suoja.server.door;

import fi.suoja.hardware.Registration;
import fi.suoja.hardware.door.CodeSlot;
import fi.suoja.hardware.door.DoorLock;
import fi.suoja.hardware.door.LockId;
import fi.suoja.server.booking.BookingService;
import fi.suoja.server.db.Tx;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The first use of a booking's door code checks the booking in, where the lock reports which
 * slot's code opened it. A slot leads to the booking whose code holds it: the holder of that
 * code's revoke (see {@link CodeSlots}), whose code the lock has taken. A slot no live code holds,
 * a lock no booking's code is in, a code outside its window or a booking checked in already
 * changes nothing; with several instances each hears the lock, and one checks the booking in.
 * Reports are taken one after another on a thread of their own, in the order the locks sent them:
 * the adapter's delivery thread must not wait for the database. Made at start so that no report
 * is missed.
 */
@Context
class DoorCodeCheckIns {

    private static final Logger LOG = LoggerFactory.getLogger(DoorCodeCheckIns.class);

    private final DoorTaskRepository tasks;
    private final BookingService bookings;
    private final Tx tx;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "suoja-door-codes"));
    private final Registration registration;

    DoorCodeCheckIns(DoorLock locks, DoorTaskRepository tasks, BookingService bookings, Tx tx) {
        this.tasks = tasks;
        this.bookings = bookings;
        this.tx = tx;
        this.registration = locks.onReport(report -> report.keypadSlot().ifPresent(slot -> {
            if (!thread.isShutdown()) {
                thread.execute(() -> used(report.lock(), slot));
            }
        }));
    }

    void used(LockId lock, CodeSlot slot) {
        try {
            Optional<Long> booking = tx.run(() -> tasks.findBySlotHolder(DoorTask.holder(lock.value(), slot.number()))
                    .map(DoorTask::bookingId)
                    .filter(id -> tasks.findByBookingIdOrderById(id).stream().anyMatch(t -> t.kind() == DoorTaskKind.SET_CODE
                            && t.state() == DoorTaskState.DONE && Integer.valueOf(slot.number()).equals(t.slot()))));
            if (booking.isEmpty()) {
                LOG.info("Lock {}: the code in slot {} opened the door, but no booking's live code is there", lock, slot.number());
                return;
            }
            if (bookings.checkInAtDoor(booking.get())) {
                LOG.info("Lock {}: booking {} checked in by the first use of its door code", lock, booking.get());
            }
        } catch (RuntimeException e) {
            // The visitor can still check in at the kiosk; the no-show release waits for the grace time.
            LOG.error("Lock {}: checking in the booking whose code is in slot {} failed", lock, slot.number(), e);
        }
    }

    @PreDestroy
    void stop() {
        registration.remove();
        thread.shutdown();
    }
}
