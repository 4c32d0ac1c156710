package fi.suoja.ui.server;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * The numbers behind the server's statistics pictures, for the tables beside them: occupancy by
 * weekday × hour (all rooms), bookings and loans per day, and agent wipes by duration.
 */
@ApiSchema("Statistics")
public record StatisticsSeries(List<WeekHour> weekHours, List<DayCounts> perDay, List<WipeBucket> wipeDurations) {

    @ApiSchema("Statistics.WeekHour")
    public record WeekHour(DayOfWeek weekday, int hour, int openMinutes, int bookedMinutes, Double occupancyPercent) {
    }

    @ApiSchema("Statistics.DayCounts")
    public record DayCounts(LocalDate date, int bookings, int loans) {
    }

    /** Wipes that took at most {@code upToSeconds} (more than the bucket before); null: longer than the last bucket. */
    @ApiSchema("Statistics.WipeBucket")
    public record WipeBucket(Integer upToSeconds, int count) {
    }
}
