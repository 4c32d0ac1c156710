package fi.suoja.ui.server;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The numbers behind the server's statistics pictures, for the tables beside them: occupancy by
 * weekday × hour (all rooms), bookings and loans per day, and agent wipes by duration.
 */
public record StatisticsSeries(List<WeekHour> weekHours, List<DayCounts> perDay, List<WipeBucket> wipeDurations) {

    public record WeekHour(DayOfWeek weekday, int hour, int openMinutes, int bookedMinutes, Double occupancyPercent) {
    }

    public record DayCounts(LocalDate date, int bookings, int loans) {
    }

    /** Wipes that took at most {@code upToSeconds} (more than the bucket before); null: longer than the last bucket. */
    public record WipeBucket(Integer upToSeconds, int count) {
    }

    static StatisticsSeries of(JsonNode s) {
        List<WeekHour> week = new ArrayList<>();
        for (JsonNode h : s.path("weekHours")) {
            week.add(new WeekHour(DayOfWeek.valueOf(h.path("weekday").asText()), h.path("hour").asInt(), h.path("openMinutes").asInt(),
                    h.path("bookedMinutes").asInt(), h.path("occupancyPercent").isNumber() ? h.path("occupancyPercent").asDouble() : null));
        }
        List<DayCounts> days = new ArrayList<>();
        for (JsonNode d : s.path("perDay")) {
            days.add(new DayCounts(LocalDate.parse(d.path("date").asText()), d.path("bookings").asInt(), d.path("loans").asInt()));
        }
        List<WipeBucket> wipes = new ArrayList<>();
        for (JsonNode w : s.path("wipeDurations")) {
            wipes.add(new WipeBucket(w.path("upToSeconds").isNumber() ? w.path("upToSeconds").asInt() : null, w.path("count").asInt()));
        }
        return new StatisticsSeries(week, days, wipes);
    }
}
