package fi.suoja.server.stats;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * A site's numbers over local days {@code from..to} (both included), in the site's time zone.
 * Percentages have one decimal and are null where they would divide by zero.
 *
 * @param days      per room and day
 * @param hours     per room and hour of the day (0–23), summed over the whole range
 * @param loans     loans started in the range, per device kind (every kind listed, zeros too)
 * @param languages bookings started in the range per kiosk language ({@code unknown} when none was sent)
 * @param weekHours every weekday × hour of the day (0–23), all rooms together, summed over the range
 * @param perDay    bookings and loans started on each day of the range
 * @param wipeDurations the agents' reported wipe durations, counted in buckets from short to long
 */
@Serdeable
public record Statistics(
        long siteId,
        String timeZone,
        LocalDate from,
        LocalDate to,
        Bookings bookings,
        List<RoomDay> days,
        List<RoomHour> hours,
        List<Loans> loans,
        Wipes wipes,
        List<Language> languages,
        List<WeekHour> weekHours,
        List<DayCounts> perDay,
        List<WipeBucket> wipeDurations) {

    /**
     * Bookings that start in the range.
     *
     * @param checkedIn         bookings that were checked in (whatever happened after)
     * @param endedEarly        checked-in bookings that were ended before their time
     * @param noShowRatePercent no-shows of the bookings that were not cancelled
     */
    @Serdeable
    public record Bookings(int total, int checkedIn, int noShows, @Nullable Double noShowRatePercent, int cancelled,
                           int endedEarly) {
    }

    /**
     * One room on one local day.
     *
     * @param openMinutes      by the room's hours and exception days
     * @param bookedMinutes    time bookings held the room on that day (see {@link BookingRow#held()})
     * @param occupancyPercent the booked part of the open time
     */
    @Serdeable
    public record RoomDay(long roomId, String room, LocalDate date, int openMinutes, int bookedMinutes,
                          @Nullable Double occupancyPercent) {
    }

    /** One room in one hour of the day, over all days of the range; only open time counts here. */
    @Serdeable
    public record RoomHour(long roomId, String room, int hour, int openMinutes, int bookedMinutes,
                           @Nullable Double occupancyPercent) {
    }

    @Serdeable
    public record Loans(String kind, int count) {
    }

    /**
     * Wipes finished in the range. Agent wipes only count as {@code ok} (verified) or {@code failed}
     * (unverified or timed out); a wipe closed because its device was taken out of use is neither.
     *
     * @param p50Millis   median duration the agents reported (nearest rank), null without reports
     * @param staffChecks webcams and headsets checked by staff on return
     */
    @Serdeable
    public record Wipes(int ok, int failed, @Nullable Long p50Millis, @Nullable Long maxMillis, int staffChecks) {
    }

    @Serdeable
    public record Language(String language, int bookings) {
    }

    /** All rooms in one hour of one weekday, over every such weekday of the range; only open time counts. */
    @Serdeable
    public record WeekHour(DayOfWeek weekday, int hour, int openMinutes, int bookedMinutes, @Nullable Double occupancyPercent) {
    }

    /** What started on one local day: bookings (whatever became of them) and device loans. */
    @Serdeable
    public record DayCounts(LocalDate date, int bookings, int loans) {
    }

    /**
     * Agent wipes whose reported duration was at most {@code upToSeconds} and more than the bucket
     * before; {@code upToSeconds} is null for the last bucket, the longer ones.
     */
    @Serdeable
    public record WipeBucket(@Nullable Integer upToSeconds, int count) {
    }
}
