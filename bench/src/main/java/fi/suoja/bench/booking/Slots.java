package fi.suoja.bench.booking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Times that never conflict: every client books its own room, and each room's bookings follow one
 * another from tomorrow on, {@link #MINUTES} long with the site's buffer between them, 36 a day
 * inside opening hours 00:00–23:55 UTC. The API and the JDBC baseline draw from the same sequence,
 * so they fill the same tables and indexes without ever meeting.
 */
final class Slots {

    static final int MINUTES = 30;
    static final int BUFFER_MINUTES = 10;
    static final int PER_DAY = 36;
    /** The site's rule: a booking's door code opens this long before its start. */
    static final int DOOR_CODE_LEAD_MINUTES = 10;
    /** Rows of room_slot_claim per booking: one per five minutes of its time and its buffer. */
    static final int GRAINS = (MINUTES + BUFFER_MINUTES) / 5;

    private final Instant first;
    private final AtomicIntegerArray taken;
    private final int maxDaysAhead;

    Slots(int rooms, int maxDaysAhead) {
        this.first = LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        this.taken = new AtomicIntegerArray(rooms);
        this.maxDaysAhead = maxDaysAhead;
    }

    /** The start of the next free booking of the room with this index. */
    Instant next(int room) {
        int k = taken.getAndIncrement(room);
        int day = k / PER_DAY;
        if (day >= maxDaysAhead - 1) {
            throw new IllegalStateException("room " + room + " is full for " + maxDaysAhead + " days: fewer bookings per level, please");
        }
        return first.plus(Duration.ofDays(day)).plus(Duration.ofMinutes((long) (k % PER_DAY) * (MINUTES + BUFFER_MINUTES)));
    }
}
