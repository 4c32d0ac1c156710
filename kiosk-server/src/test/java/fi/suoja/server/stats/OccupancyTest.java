package fi.suoja.server.stats;

import fi.suoja.server.room.DailyHours;
import fi.suoja.server.room.RoomSchedule;
import fi.suoja.server.time.TimeRange;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Day and hour splitting where clocks are tricky: midnight, and the two days a year Helsinki
 * changes its clocks (29 March 2026: 03:00 does not exist; 25 October 2026: 03:00–04:00 twice).
 */
class OccupancyTest {

    static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

    static RoomSchedule openEveryDay(String opens, String closes, Map<LocalDate, Optional<DailyHours>> exceptions) {
        DailyHours hours = new DailyHours(LocalTime.parse(opens), LocalTime.parse(closes));
        return new RoomSchedule(HELSINKI, Arrays.stream(DayOfWeek.values()).collect(Collectors.toMap(Function.identity(), d -> hours)),
                exceptions);
    }

    static TimeRange local(LocalDate day, String from, LocalDate endDay, String to) {
        return new TimeRange(ZonedDateTime.of(day, LocalTime.parse(from), HELSINKI).toInstant(),
                ZonedDateTime.of(endDay, LocalTime.parse(to), HELSINKI).toInstant());
    }

    @Test
    void a_booking_over_midnight_counts_on_both_days() {
        LocalDate day = LocalDate.of(2026, 11, 24);
        var occupancy = new Occupancy(HELSINKI, day, day.plusDays(1));
        var days = occupancy.days(1, "A", openEveryDay("08:00", "23:55", Map.of()),
                List.of(local(day, "23:00", day.plusDays(1), "01:30")));
        assertThat(days).extracting(Statistics.RoomDay::bookedMinutes).containsExactly(60, 90);
        // only the part inside opening hours (23:00–23:55) is occupancy
        assertThat(days.get(0).occupancyPercent()).isEqualTo(Math.round(55 * 1000.0 / 955) / 10.0);
        assertThat(days.get(1).occupancyPercent()).isEqualTo(0.0);
    }

    @Test
    void the_day_daylight_saving_starts_is_an_hour_shorter() {
        LocalDate day = LocalDate.of(2026, 3, 29);
        var occupancy = new Occupancy(HELSINKI, day, day);
        RoomSchedule schedule = openEveryDay("00:00", "12:00", Map.of());
        List<TimeRange> held = List.of(local(day, "02:00", day, "05:00"));
        Statistics.RoomDay d = occupancy.days(1, "A", schedule, held).get(0);
        assertThat(d.openMinutes()).isEqualTo(11 * 60);
        assertThat(d.bookedMinutes()).isEqualTo(120);
        var hours = occupancy.hours(1, "A", schedule, held);
        assertThat(hours.get(2).bookedMinutes()).isEqualTo(60);
        assertThat(hours.get(3).openMinutes()).isZero();
        assertThat(hours.get(3).occupancyPercent()).isNull();
        assertThat(hours.get(4).bookedMinutes()).isEqualTo(60);
        assertThat(hours.stream().mapToInt(Statistics.RoomHour::openMinutes).sum()).isEqualTo(11 * 60);
    }

    @Test
    void the_day_daylight_saving_ends_is_an_hour_longer_and_three_oclock_comes_twice() {
        LocalDate day = LocalDate.of(2026, 10, 25);
        var occupancy = new Occupancy(HELSINKI, day, day);
        RoomSchedule schedule = openEveryDay("00:00", "12:00", Map.of());
        List<TimeRange> held = List.of(local(day, "02:30", day, "04:30"));
        Statistics.RoomDay d = occupancy.days(1, "A", schedule, held).get(0);
        assertThat(d.openMinutes()).isEqualTo(13 * 60);
        assertThat(d.bookedMinutes()).isEqualTo(180);
        var hours = occupancy.hours(1, "A", schedule, held);
        assertThat(hours.get(3).openMinutes()).isEqualTo(120);
        assertThat(hours.get(3).bookedMinutes()).isEqualTo(120);
        assertThat(hours.get(2).bookedMinutes()).isEqualTo(30);
        assertThat(hours.get(4).bookedMinutes()).isEqualTo(30);
    }

    @Test
    void a_closed_exception_day_has_no_open_minutes() {
        LocalDate day = LocalDate.of(2026, 12, 24);
        var occupancy = new Occupancy(HELSINKI, day.minusDays(1), day);
        var days = occupancy.days(1, "A", openEveryDay("08:00", "20:00", Map.of(day, Optional.empty())), List.of());
        assertThat(days).extracting(Statistics.RoomDay::openMinutes).containsExactly(720, 0);
        assertThat(days.get(1).occupancyPercent()).isNull();
        assertThat(days.get(0).occupancyPercent()).isEqualTo(0.0);
    }
}
