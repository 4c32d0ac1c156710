package fi.suoja.server.stats;

import fi.suoja.server.booking.BookingStatus;
import fi.suoja.server.time.TimeRange;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Optional;

/**
 * What statistics read of a booking: times and state, never its codes. {@code endsAt} is already
 * the new end of a booking that was ended early (the booking core moves it).
 */
record BookingRow(long id, long roomId, Instant startsAt, Instant endsAt, BookingStatus status,
                  @Nullable Instant checkedInAt, @Nullable Instant endedAt, @Nullable String language) {

    /**
     * The time the booking kept its room from others: from its start to its end, or to the moment
     * it was cancelled, released as a no-show or ended early, if that came first. Empty for a
     * booking cancelled before it began.
     */
    Optional<TimeRange> held() {
        Instant end = endedAt != null && endedAt.isBefore(endsAt) ? endedAt : endsAt;
        return end.isAfter(startsAt) ? Optional.of(new TimeRange(startsAt, end)) : Optional.empty();
    }

    /**
     * Ended before its time by the citizen or staff. The booking core then sets the end to the next
     * five-minute mark and {@code endedAt} to the moment itself; a booking completed at its end
     * has both equal. (An early end at the very microsecond of a five-minute mark looks like a
     * completion; rare enough not to need a column.)
     */
    boolean endedEarly() {
        return status == BookingStatus.COMPLETED && endedAt != null && endedAt.isBefore(endsAt);
    }
}
