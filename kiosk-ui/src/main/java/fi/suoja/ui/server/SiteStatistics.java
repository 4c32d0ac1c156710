package fi.suoja.ui.server;

import java.time.LocalDate;
import java.util.List;

/**
 * A library's statistics for local days {@code from..to}, as kiosk-server counts them: aggregates
 * only. Percentages and durations are null where there is nothing to divide or measure.
 */
@ApiSchema("Statistics")
public record SiteStatistics(LocalDate from, LocalDate to, Bookings bookings, List<RoomDay> days, List<RoomHour> hours,
                             List<Loans> loans, Wipes wipes, List<Language> languages) {

    @ApiSchema("Statistics.Bookings")
    public record Bookings(int total, int checkedIn, int noShows, Double noShowRatePercent, int cancelled, int endedEarly) {
    }

    @ApiSchema("Statistics.RoomDay")
    public record RoomDay(long roomId, String room, LocalDate date, int openMinutes, int bookedMinutes, Double occupancyPercent) {
    }

    @ApiSchema("Statistics.RoomHour")
    public record RoomHour(long roomId, String room, int hour, int openMinutes, int bookedMinutes, Double occupancyPercent) {
    }

    /** A device kind's loans ({@code kind} by name: the server's statistics name it as text). */
    @ApiSchema("Statistics.Loans")
    public record Loans(String kind, int count) {
    }

    /** The bookings made in one kiosk language. */
    @ApiSchema("Statistics.Language")
    public record Language(String language, int bookings) {
    }

    @ApiSchema("Statistics.Wipes")
    public record Wipes(int ok, int failed, Long p50Millis, Long maxMillis, int staffChecks) {
    }
}
