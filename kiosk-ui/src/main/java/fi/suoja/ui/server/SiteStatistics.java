package fi.suoja.ui.server;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A library's statistics for local days {@code from..to}, as kiosk-server counts them: aggregates
 * only. Percentages and durations are null where there is nothing to divide or measure.
 */
public record SiteStatistics(LocalDate from, LocalDate to, Bookings bookings, List<RoomDay> days, List<RoomHour> hours,
                             List<Count> loans, Wipes wipes, List<Count> languages) {

    public record Bookings(int total, int checkedIn, int noShows, Double noShowRatePercent, int cancelled, int endedEarly) {
    }

    public record RoomDay(long roomId, String room, LocalDate date, int openMinutes, int bookedMinutes, Double occupancyPercent) {
    }

    public record RoomHour(long roomId, String room, int hour, int openMinutes, int bookedMinutes, Double occupancyPercent) {
    }

    /** A device kind's loans, or a kiosk language's bookings. */
    public record Count(String name, int count) {
    }

    public record Wipes(int ok, int failed, Long p50Millis, Long maxMillis, int staffChecks) {
    }

    static SiteStatistics of(JsonNode s) {
        JsonNode b = s.path("bookings");
        List<RoomDay> days = new ArrayList<>();
        for (JsonNode d : s.path("days")) {
            days.add(new RoomDay(d.path("roomId").asLong(), d.path("room").asText(), LocalDate.parse(d.path("date").asText()),
                    d.path("openMinutes").asInt(), d.path("bookedMinutes").asInt(), decimal(d.path("occupancyPercent"))));
        }
        List<RoomHour> hours = new ArrayList<>();
        for (JsonNode h : s.path("hours")) {
            hours.add(new RoomHour(h.path("roomId").asLong(), h.path("room").asText(), h.path("hour").asInt(),
                    h.path("openMinutes").asInt(), h.path("bookedMinutes").asInt(), decimal(h.path("occupancyPercent"))));
        }
        List<Count> loans = new ArrayList<>();
        for (JsonNode l : s.path("loans")) {
            loans.add(new Count(l.path("kind").asText(), l.path("count").asInt()));
        }
        List<Count> languages = new ArrayList<>();
        for (JsonNode l : s.path("languages")) {
            languages.add(new Count(l.path("language").asText(), l.path("bookings").asInt()));
        }
        JsonNode w = s.path("wipes");
        return new SiteStatistics(LocalDate.parse(s.path("from").asText()), LocalDate.parse(s.path("to").asText()),
                new Bookings(b.path("total").asInt(), b.path("checkedIn").asInt(), b.path("noShows").asInt(),
                        decimal(b.path("noShowRatePercent")), b.path("cancelled").asInt(), b.path("endedEarly").asInt()),
                days, hours, loans,
                new Wipes(w.path("ok").asInt(), w.path("failed").asInt(), whole(w.path("p50Millis")), whole(w.path("maxMillis")),
                        w.path("staffChecks").asInt()),
                languages);
    }

    private static Double decimal(JsonNode node) {
        return node.isNumber() ? node.asDouble() : null;
    }

    private static Long whole(JsonNode node) {
        return node.isNumber() ? node.asLong() : null;
    }
}
