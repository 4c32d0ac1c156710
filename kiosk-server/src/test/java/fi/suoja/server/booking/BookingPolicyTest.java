package fi.suoja.server.booking;

import fi.suoja.server.room.DailyHours;
import fi.suoja.server.room.RoomSchedule;
import fi.suoja.server.site.BookingRules;
import fi.suoja.server.time.TimeRange;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every booking rule at its boundaries, as a pure function of rules, hours and time: one minute
 * (or one step) on either side of each limit. Overlaps and the buffer are the database's and are
 * tested through the API in {@link BookingScenarios}.
 */
class BookingPolicyTest {

    static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
    /** A Tuesday. */
    static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    /** Clocks go from 03:00 to 04:00 in Helsinki: the day has 23 hours. */
    static final LocalDate SPRING_FORWARD = LocalDate.of(2027, 3, 28);
    /** Clocks go from 04:00 back to 03:00 in Helsinki: the day has 25 hours. */
    static final LocalDate FALL_BACK = LocalDate.of(2026, 10, 25);

    static final BookingRules RULES = new BookingRules(1, 15, 15, 120, 14, 10, 15, 10, false, 2, false);

    static Instant at(LocalDate day, String time) {
        return ZonedDateTime.of(day, LocalTime.parse(time), HELSINKI).toInstant();
    }

    static TimeRange range(LocalDate day, String start, int minutes) {
        Instant from = at(day, start);
        return new TimeRange(from, from.plus(Duration.ofMinutes(minutes)));
    }

    static RoomSchedule everyDay(String opens, String closes, Map<LocalDate, Optional<DailyHours>> exceptions) {
        DailyHours hours = new DailyHours(LocalTime.parse(opens), LocalTime.parse(closes));
        return new RoomSchedule(HELSINKI,
                Arrays.stream(DayOfWeek.values()).collect(Collectors.toMap(Function.identity(), d -> hours)),
                exceptions);
    }

    static BookingPolicy policy(RoomSchedule schedule, Instant now) {
        return new BookingPolicy(RULES, schedule, now);
    }

    static BookingPolicy open8to20(Instant now) {
        return policy(everyDay("08:00", "20:00", Map.of()), now);
    }

    static Optional<String> verdict(Optional<RuleViolation> violation) {
        return violation.map(RuleViolation::slug);
    }

    @Nested
    class Opening_hours {

        final BookingPolicy policy = open8to20(at(DAY, "07:00"));

        @Test
        void a_booking_may_start_at_the_opening_minute_but_not_one_step_before() {
            assertThat(verdict(policy.checkNew(range(DAY, "08:00", 15)))).isEmpty();
            assertThat(verdict(policy.checkNew(range(DAY, "07:45", 30)))).contains("outside-opening-hours");
        }

        @Test
        void a_booking_may_end_at_the_closing_minute_but_not_one_step_after() {
            assertThat(verdict(policy.checkNew(range(DAY, "19:45", 15)))).isEmpty();
            assertThat(verdict(policy.checkNew(range(DAY, "19:45", 30)))).contains("outside-opening-hours");
            assertThat(verdict(policy.checkNew(range(DAY, "20:00", 15)))).contains("outside-opening-hours");
        }

        @Test
        void a_day_without_hours_is_closed() {
            RoomSchedule weekdaysOnly = new RoomSchedule(HELSINKI,
                    Map.of(DayOfWeek.TUESDAY, new DailyHours(LocalTime.of(8, 0), LocalTime.of(20, 0))), Map.of());
            BookingPolicy policy = policy(weekdaysOnly, at(DAY, "07:00"));
            assertThat(verdict(policy.checkNew(range(DAY, "12:00", 15)))).isEmpty();
            assertThat(verdict(policy.checkNew(range(DAY.plusDays(1), "12:00", 15)))).contains("closed");
        }
    }

    @Nested
    class Exception_days {

        final LocalDate closedDay = DAY.plusDays(1);
        final LocalDate shortDay = DAY.plusDays(2);
        final BookingPolicy policy = policy(everyDay("08:00", "20:00", Map.of(
                closedDay, Optional.empty(),
                shortDay, Optional.of(new DailyHours(LocalTime.of(10, 0), LocalTime.of(14, 0))))), at(DAY, "07:00"));

        @Test
        void a_closed_exception_day_takes_no_booking_at_any_hour() {
            assertThat(verdict(policy.checkNew(range(closedDay, "08:00", 15)))).contains("closed");
            assertThat(verdict(policy.checkNew(range(closedDay, "12:00", 60)))).contains("closed");
        }

        @Test
        void an_exception_day_with_other_hours_uses_those_hours_at_both_ends() {
            assertThat(verdict(policy.checkNew(range(shortDay, "10:00", 15)))).isEmpty();
            assertThat(verdict(policy.checkNew(range(shortDay, "09:45", 15)))).contains("outside-opening-hours");
            assertThat(verdict(policy.checkNew(range(shortDay, "13:45", 15)))).isEmpty();
            assertThat(verdict(policy.checkNew(range(shortDay, "13:45", 30)))).contains("outside-opening-hours");
        }

        @Test
        void the_days_around_an_exception_keep_their_weekly_hours() {
            assertThat(verdict(policy.checkNew(range(DAY.plusDays(3), "08:00", 15)))).isEmpty();
            assertThat(verdict(policy.checkNew(range(DAY.plusDays(3), "19:45", 15)))).isEmpty();
        }
    }

    @Nested
    class Daylight_saving_days {

        @Test
        void on_the_spring_day_a_room_open_all_night_is_open_twenty_three_hours() {
            RoomSchedule allDay = everyDay("00:00", "23:55", Map.of());
            TimeRange window = allDay.openWindow(SPRING_FORWARD).orElseThrow();
            assertThat(window.length()).isEqualTo(Duration.ofHours(23).plusMinutes(55).minusHours(1));
        }

        @Test
        void on_the_autumn_day_a_room_open_all_night_is_open_twenty_five_hours() {
            RoomSchedule allDay = everyDay("00:00", "23:55", Map.of());
            TimeRange window = allDay.openWindow(FALL_BACK).orElseThrow();
            assertThat(window.length()).isEqualTo(Duration.ofHours(23).plusMinutes(55).plusHours(1));
        }

        @Test
        void opening_hours_are_local_times_on_the_day_summer_time_starts() {
            BookingPolicy policy = open8to20(at(SPRING_FORWARD.minusDays(1), "12:00"));
            assertThat(at(SPRING_FORWARD, "08:00")).isEqualTo(Instant.parse("2027-03-28T05:00:00Z"));
            assertThat(verdict(policy.checkNew(range(SPRING_FORWARD, "08:00", 15)))).isEmpty();
            assertThat(verdict(policy.checkNew(new TimeRange(Instant.parse("2027-03-28T05:45:00Z"),
                    Instant.parse("2027-03-28T06:00:00Z"))))).isEmpty();
            // 07:00 local in winter time would be 05:00Z; on this day 05:00Z is 08:00 and 04:45Z is 07:45
            assertThat(verdict(policy.checkNew(new TimeRange(Instant.parse("2027-03-28T04:45:00Z"),
                    Instant.parse("2027-03-28T05:00:00Z"))))).contains("outside-opening-hours");
            assertThat(verdict(policy.checkNew(range(SPRING_FORWARD, "19:45", 15)))).isEmpty();
            assertThat(verdict(policy.checkNew(range(SPRING_FORWARD, "19:45", 30)))).contains("outside-opening-hours");
        }

        @Test
        void opening_hours_are_local_times_on_the_day_summer_time_ends() {
            BookingPolicy policy = open8to20(at(FALL_BACK.minusDays(1), "12:00"));
            assertThat(at(FALL_BACK, "08:00")).isEqualTo(Instant.parse("2026-10-25T06:00:00Z"));
            assertThat(verdict(policy.checkNew(range(FALL_BACK, "08:00", 15)))).isEmpty();
            assertThat(verdict(policy.checkNew(new TimeRange(Instant.parse("2026-10-25T05:45:00Z"),
                    Instant.parse("2026-10-25T06:00:00Z"))))).contains("outside-opening-hours");
            assertThat(verdict(policy.checkNew(range(FALL_BACK, "19:45", 15)))).isEmpty();
            assertThat(verdict(policy.checkNew(range(FALL_BACK, "20:00", 15)))).contains("outside-opening-hours");
        }

        @Test
        void a_booking_across_the_missing_hour_is_as_long_as_its_minutes_say() {
            BookingPolicy policy = policy(everyDay("00:00", "23:55", Map.of()), at(SPRING_FORWARD.minusDays(1), "12:00"));
            // 02:30 + 60 minutes of real time is 04:30 local: the clock jumps from 03:00 to 04:00
            TimeRange acrossTheJump = range(SPRING_FORWARD, "02:30", 60);
            assertThat(acrossTheJump.end().atZone(HELSINKI).toLocalTime()).isEqualTo(LocalTime.of(4, 30));
            assertThat(verdict(policy.checkNew(acrossTheJump))).isEmpty();
            assertThat(verdict(policy.checkNew(range(SPRING_FORWARD, "02:30", 120)))).isEmpty();
            assertThat(verdict(policy.checkNew(range(SPRING_FORWARD, "02:30", 135)))).contains("too-long");
        }

        @Test
        void both_copies_of_the_repeated_hour_in_autumn_can_be_booked_and_steps_follow_the_local_clock() {
            BookingPolicy policy = policy(everyDay("00:00", "23:55", Map.of()), at(FALL_BACK.minusDays(1), "12:00"));
            Instant firstThreeOClock = Instant.parse("2026-10-25T00:00:00Z");
            Instant secondThreeOClock = Instant.parse("2026-10-25T01:00:00Z");
            assertThat(firstThreeOClock.atZone(HELSINKI).toLocalTime()).isEqualTo(LocalTime.of(3, 0));
            assertThat(secondThreeOClock.atZone(HELSINKI).toLocalTime()).isEqualTo(LocalTime.of(3, 0));
            assertThat(verdict(policy.checkNew(new TimeRange(firstThreeOClock, firstThreeOClock.plusSeconds(3600))))).isEmpty();
            assertThat(verdict(policy.checkNew(new TimeRange(secondThreeOClock, secondThreeOClock.plusSeconds(3600))))).isEmpty();
            assertThat(verdict(policy.checkNew(new TimeRange(secondThreeOClock.plusSeconds(600),
                    secondThreeOClock.plusSeconds(1500))))).contains("start-not-on-step");
        }
    }

    @Nested
    class Length_and_steps {

        final BookingPolicy policy = open8to20(at(DAY, "07:00"));

        @Test
        void the_shortest_booking_is_allowed_and_one_step_less_is_not() {
            assertThat(verdict(policy.checkNew(range(DAY, "12:00", 15)))).isEmpty();
            BookingPolicy longerMinimum = new BookingPolicy(
                    new BookingRules(1, 15, 30, 120, 14, 10, 15, 10, false, 2, false),
                    everyDay("08:00", "20:00", Map.of()), at(DAY, "07:00"));
            assertThat(verdict(longerMinimum.checkNew(range(DAY, "12:00", 30)))).isEmpty();
            assertThat(verdict(longerMinimum.checkNew(range(DAY, "12:00", 15)))).contains("too-short");
        }

        @Test
        void the_longest_booking_is_allowed_and_one_step_more_is_not() {
            assertThat(verdict(policy.checkNew(range(DAY, "12:00", 120)))).isEmpty();
            assertThat(verdict(policy.checkNew(range(DAY, "12:00", 135)))).contains("too-long");
        }

        @Test
        void lengths_and_starts_off_the_step_are_refused() {
            assertThat(verdict(policy.checkNew(range(DAY, "12:00", 20)))).contains("length-not-in-steps");
            assertThat(verdict(policy.checkNew(range(DAY, "12:05", 15)))).contains("start-not-on-step");
            assertThat(verdict(policy.checkNew(new TimeRange(at(DAY, "12:00").plusSeconds(30),
                    at(DAY, "12:15").plusSeconds(30))))).contains("length-not-in-steps");
        }
    }

    @Nested
    class Now_and_ahead {

        @Test
        void a_booking_for_now_starts_in_the_current_five_minutes_even_off_the_step() {
            BookingPolicy policy = open8to20(at(DAY, "12:07").plusSeconds(42));
            assertThat(policy.nowGrain()).isEqualTo(at(DAY, "12:05"));
            assertThat(verdict(policy.checkNew(range(DAY, "12:05", 15)))).isEmpty();
            assertThat(verdict(policy.checkNew(range(DAY, "11:55", 15)))).contains("in-the-past");
            assertThat(verdict(policy.checkNew(range(DAY, "12:10", 15)))).contains("start-not-on-step");
        }

        @Test
        void now_offered_just_before_the_five_minutes_turned_is_still_now_while_it_has_time_left() {
            // offered at 12:04 (start 12:00), confirmed at 12:07:42: still the visitor's "now", off the step or not
            BookingPolicy policy = open8to20(at(DAY, "12:07").plusSeconds(42));
            assertThat(verdict(policy.checkNew(range(DAY, "12:00", 15)))).isEmpty();
            assertThat(policy.isForNow(range(DAY, "12:00", 15))).isTrue();
            assertThat(verdict(open8to20(at(DAY, "12:17")).checkNew(range(DAY, "12:10", 15)))).as("off the step").isEmpty();
            // two grains back is past, and so is a booking that would already be over
            assertThat(verdict(policy.checkNew(range(DAY, "11:55", 15)))).contains("in-the-past");
            BookingPolicy shortMinimum = new BookingPolicy(new BookingRules(1, 5, 5, 120, 14, 10, 15, 10, false, 2, false),
                    everyDay("08:00", "20:00", Map.of()), at(DAY, "12:05").plusSeconds(1));
            assertThat(verdict(shortMinimum.checkNew(range(DAY, "12:00", 5)))).contains("in-the-past");
            assertThat(verdict(shortMinimum.checkNew(range(DAY, "12:00", 10)))).isEmpty();
        }

        @Test
        void the_last_day_ahead_can_be_booked_to_its_closing_minute_and_the_next_day_cannot() {
            BookingPolicy policy = open8to20(at(DAY, "23:59"));
            assertThat(verdict(policy.checkNew(range(DAY.plusDays(14), "19:45", 15)))).isEmpty();
            assertThat(verdict(policy.checkNew(range(DAY.plusDays(15), "08:00", 15)))).contains("too-far-ahead");
        }

        @Test
        void days_ahead_are_counted_in_the_site_zone_not_in_utc() {
            // 00:30 in Helsinki is still the day before in UTC: today is already the 25th here
            BookingPolicy policy = open8to20(at(DAY.plusDays(1), "00:30"));
            assertThat(verdict(policy.checkNew(range(DAY.plusDays(15), "08:00", 15)))).isEmpty();
            assertThat(verdict(policy.checkNew(range(DAY.plusDays(16), "08:00", 15)))).contains("too-far-ahead");
        }
    }

    @Nested
    class Check_in_and_grace {

        final TimeRange booking = range(DAY, "12:00", 60);

        @Test
        void check_in_opens_exactly_when_the_door_code_does() {
            assertThat(verdict(open8to20(at(DAY, "11:49").plusSeconds(59)).checkCheckIn(booking))).contains("check-in-too-early");
            assertThat(verdict(open8to20(at(DAY, "11:50")).checkCheckIn(booking))).isEmpty();
        }

        @Test
        void check_in_closes_exactly_when_the_grace_time_is_over() {
            assertThat(verdict(open8to20(at(DAY, "12:14").plusSeconds(59)).checkCheckIn(booking))).isEmpty();
            assertThat(verdict(open8to20(at(DAY, "12:15")).checkCheckIn(booking))).contains("check-in-too-late");
            assertThat(open8to20(at(DAY, "12:00")).graceEnd(booking)).isEqualTo(at(DAY, "12:15"));
        }

        @Test
        void the_grace_time_never_runs_past_the_end_of_a_short_booking() {
            BookingPolicy policy = new BookingPolicy(new BookingRules(1, 5, 5, 120, 14, 10, 15, 10, false, 2, false),
                    everyDay("08:00", "20:00", Map.of()), at(DAY, "12:00"));
            assertThat(policy.graceEnd(range(DAY, "12:00", 10))).isEqualTo(at(DAY, "12:10"));
        }
    }

    @Nested
    class Extension {

        final TimeRange booking = range(DAY, "18:00", 60);

        @Test
        void a_booking_can_grow_to_the_longest_length_and_not_one_step_more() {
            BookingPolicy policy = open8to20(at(DAY, "12:30"));
            assertThat(verdict(policy.checkExtension(range(DAY, "12:00", 60), 60))).isEmpty();
            assertThat(verdict(policy.checkExtension(range(DAY, "12:00", 60), 75))).contains("too-long");
        }

        @Test
        void a_booking_can_grow_to_the_closing_minute_and_not_past_it() {
            BookingPolicy policy = open8to20(at(DAY, "18:45"));
            TimeRange late = range(DAY, "18:30", 30);
            assertThat(verdict(policy.checkExtension(late, 60))).isEmpty();
            assertThat(verdict(policy.checkExtension(late, 75))).contains("outside-opening-hours");
        }

        @Test
        void an_extension_must_be_whole_steps_and_the_booking_not_over() {
            assertThat(verdict(open8to20(at(DAY, "18:30")).checkExtension(booking, 10))).contains("length-not-in-steps");
            assertThat(verdict(open8to20(at(DAY, "18:30")).checkExtension(booking, 0))).contains("length-not-in-steps");
            assertThat(verdict(open8to20(at(DAY, "18:59").plusSeconds(59)).checkExtension(booking, 15))).isEmpty();
            assertThat(verdict(open8to20(at(DAY, "19:00")).checkExtension(booking, 15))).contains("booking-over");
        }
    }
}
