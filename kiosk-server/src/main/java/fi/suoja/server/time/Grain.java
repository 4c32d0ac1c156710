package fi.suoja.server.time;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.LongStream;

/**
 * The five-minute grid that every booking sits on. Room occupancy is stored as one row per
 * grain (see {@code room_slot_claim}), so all rule steps are multiples of it. Every real time
 * zone's offset is a multiple of five minutes, so the grid lines up with local clock times too.
 */
public final class Grain {

    public static final int MINUTES = 5;
    private static final long SECONDS = MINUTES * 60L;

    private Grain() {
    }

    public static Instant floor(Instant instant) {
        return Instant.ofEpochSecond(Math.floorDiv(instant.getEpochSecond(), SECONDS) * SECONDS);
    }

    public static Instant ceil(Instant instant) {
        Instant floor = floor(instant);
        return floor.equals(instant) ? floor : floor.plusSeconds(SECONDS);
    }

    public static boolean isAligned(Instant instant) {
        return floor(instant).equals(instant);
    }

    public static boolean isMultiple(int minutes) {
        return minutes % MINUTES == 0;
    }

    /** The grain number (minutes since the epoch) of an aligned instant. */
    public static long index(Instant alignedInstant) {
        return alignedInstant.getEpochSecond() / 60;
    }

    public static Instant instantOf(long index) {
        return Instant.ofEpochSecond(index * 60);
    }

    /** The grain numbers that cover {@code [start, end)}; both ends are taken outward to the grid. */
    public static LongStream indexes(Instant start, Instant end) {
        long first = index(floor(start));
        long last = index(ceil(end));
        return LongStream.iterate(first, i -> i < last, i -> i + MINUTES);
    }

    public static Duration duration() {
        return Duration.ofMinutes(MINUTES);
    }
}
