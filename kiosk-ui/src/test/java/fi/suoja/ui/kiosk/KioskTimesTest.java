package fi.suoja.ui.kiosk;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.NativeButton;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Times on the kiosk against the real server: every free start of a day is reachable (grouped by
 * hour), and when nothing is free (all rooms taken, before opening, after closing, a closed day)
 * the kiosk says so once, says when the rooms open, and books the next free time in one tap. The
 * scene's library opens 06–22 and it is about midday there.
 */
class KioskTimesTest extends KaribuKiosk {

    static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    LocalDate today() {
        return LocalDate.now(scene.zone);
    }

    /** The start times the server offers a room on a day for a booking of {@code minutes}. */
    List<Instant> serverStarts(long roomId, LocalDate day, int minutes) {
        for (JsonNode room : scene.adminGet("/api/v1/sites/" + scene.siteId + "/availability?date=" + day + "&minutes=" + minutes)) {
            if (room.path("roomId").asLong() == roomId) {
                List<Instant> starts = new ArrayList<>();
                room.path("starts").forEach(start -> starts.add(Instant.parse(start.asText())));
                return starts;
            }
        }
        throw new AssertionError("no room " + roomId);
    }

    /** Taps each hour in turn and collects the start buttons of a room, as local "HHmm". */
    TreeSet<String> startsReachedThroughEveryHour(long roomId) {
        assertThat(screen()).isEqualTo("hours");
        List<String> hours = _find(NativeButton.class).stream().map(b -> b.getId().orElse(""))
                .filter(id -> id.startsWith("hour-")).toList();
        TreeSet<String> reached = new TreeSet<>();
        for (String hour : hours) {
            tap(hour);
            assertThat(screen()).isEqualTo("rooms");
            _find(NativeButton.class).stream().map(b -> b.getId().orElse(""))
                    .filter(id -> id.startsWith("room-" + roomId + "-at-"))
                    .forEach(id -> reached.add(id.substring(id.lastIndexOf('-') + 1)));
            tap("back");
        }
        return reached;
    }

    TreeSet<String> local(List<Instant> starts) {
        TreeSet<String> local = new TreeSet<>();
        starts.forEach(start -> local.add(DateTimeFormatter.ofPattern("HHmm").format(start.atZone(scene.zone))));
        return local;
    }

    @Test
    void every_free_start_later_today_is_reachable_through_its_hour_and_a_late_afternoon_start_can_be_booked() {
        List<Instant> offered = serverStarts(scene.bareRoom, today(), 30);
        assertThat(offered).as("more than twice the 8 starts the kiosk once offered (the library's day is around noon)").hasSizeGreaterThan(16);

        tap("book");
        tap("when-later");
        tap("length-30");
        assertThat(startsReachedThroughEveryHour(scene.bareRoom)).isEqualTo(local(offered));

        tap("hour-17");
        tap("room-" + scene.bareRoom + "-at-1730");
        assertThat(screen()).isEqualTo("confirm");
        assertThat(text("confirm-time")).contains("17:30–18:00");
        tap("confirm");
        JsonNode booking = scene.booking(shownCode());
        assertThat(Instant.parse(booking.path("start").asText()))
                .isEqualTo(ZonedDateTime.of(today(), LocalTime.of(17, 30), scene.zone).toInstant());
    }

    @Test
    void another_day_reaches_every_start_from_the_opening_to_the_last_one_before_closing() {
        LocalDate tomorrow = today().plusDays(1);
        List<Instant> offered = serverStarts(scene.equippedRoom, tomorrow, 60);
        assertThat(offered).hasSize(61); // 06:00 … 21:00 in quarter hours

        tap("book");
        tap("when-day");
        tap("day-1");
        tap("length-60");
        TreeSet<String> reached = startsReachedThroughEveryHour(scene.equippedRoom);
        assertThat(reached).isEqualTo(local(offered));
        assertThat(reached.first()).isEqualTo("0600");
        assertThat(reached.last()).isEqualTo("2100");
    }

    @Test
    void a_day_whose_starts_fit_on_one_screen_shows_them_without_asking_the_hour() {
        LocalDate tomorrow = today().plusDays(1);
        scene.hoursOn(tomorrow, "10:00", "11:00");

        tap("book");
        tap("when-day");
        tap("day-1");
        tap("length-30");

        assertThat(screen()).isEqualTo("rooms");
        assertThat(has("room-" + scene.bareRoom + "-at-1000")).isTrue();
        assertThat(has("room-" + scene.bareRoom + "-at-1030")).isTrue();
        assertThat(has("room-" + scene.bareRoom + "-at-1045")).isFalse();
    }

    @Test
    void when_every_room_is_taken_the_kiosk_says_so_once_and_books_the_next_free_time_in_one_tap() {
        Instant one = Instant.parse(scene.bookNowElsewhere(scene.equippedRoom, 120).path("end").asText());
        Instant other = Instant.parse(scene.bookNowElsewhere(scene.bareRoom, 120).path("end").asText());
        Instant end = one.isBefore(other) ? one : other;

        view().startOver();
        assertThat(text("rooms-now")).startsWith(t("none.full"));

        tap("book-now");
        assertThat(screen()).isEqualTo("no-room");
        String words = view().getElement().getTextRecursively();
        assertThat(text("screen-heading")).isEqualTo(t("none.full"));
        assertThat(words).doesNotContain(t("rooms.heading.now"));
        assertThat(text("opening-hours")).isEqualTo(t("none.openUntil", "22:00"));
        // after the first of them ends and its 10-minute buffer, the next quarter hour is the first free start
        Instant next = nextQuarter(end.plus(Duration.ofMinutes(10)));
        String range = CLOCK.format(next.atZone(scene.zone)) + "–" + CLOCK.format(next.plus(Duration.ofMinutes(30)).atZone(scene.zone));
        assertThat(text("next-free-time")).contains(range);

        tap("next-free");
        assertThat(screen()).isEqualTo("confirm");
        assertThat(text("confirm-time")).contains(range);
        tap("confirm");
        assertThat(screen()).isEqualTo("done");
        JsonNode booking = scene.booking(shownCode());
        assertThat(Instant.parse(booking.path("start").asText())).isEqualTo(next);
        assertThat(taps).as("from the start screen: book now, the next free time, book").isEqualTo(3);
    }

    @Test
    void before_opening_the_kiosk_says_when_the_rooms_open_today_and_offers_that_time() {
        int hour = ZonedDateTime.now(scene.zone).getHour() + 2;
        String opens = String.format(Locale.ROOT, "%02d:00", hour);
        scene.hoursOn(today(), opens, "22:00");
        view().startOver();

        assertThat(text("rooms-now")).isEqualTo(t("none.closed") + " " + t("none.opensToday", opens));
        tap("book-now");
        assertThat(text("screen-heading")).isEqualTo(t("none.closed"));
        assertThat(text("opening-hours")).isEqualTo(t("none.opensToday", opens));
        assertThat(text("next-free-time")).contains(opens + "–");
        tap("next-free");
        assertThat(text("confirm-time")).contains(opens + "–");
    }

    @Test
    void after_closing_the_kiosk_says_the_rooms_open_tomorrow_and_offers_the_first_time_then() {
        int hour = ZonedDateTime.now(scene.zone).getHour();
        scene.hoursOn(today(), "06:00", String.format(Locale.ROOT, "%02d:00", hour));
        view().startOver();
        Instant tomorrowSix = ZonedDateTime.of(today().plusDays(1), LocalTime.of(6, 0), scene.zone).toInstant();
        String tomorrow = Times.day(view(), scene.zone, tomorrowSix);

        assertThat(text("rooms-now")).isEqualTo(t("none.closed") + " " + t("none.opensOn", tomorrow, "06:00"));
        tap("book-now");
        assertThat(text("opening-hours")).isEqualTo(t("none.opensOn", tomorrow, "06:00"));
        tap("next-free");
        tap("confirm");
        JsonNode booking = scene.booking(shownCode());
        assertThat(Instant.parse(booking.path("start").asText())).isEqualTo(tomorrowSix);
    }

    @Test
    void a_day_with_no_free_time_says_so_and_offers_the_next_free_time_from_that_day_on() {
        LocalDate tomorrow = today().plusDays(1);
        scene.hoursOn(tomorrow, null, null);

        tap("book");
        tap("when-day");
        tap("day-1");
        tap("length-60");

        assertThat(screen()).isEqualTo("no-room");
        assertThat(text("screen-heading")).isEqualTo(t("none.day"));
        tap("next-free");
        assertThat(screen()).isEqualTo("confirm");
        assertThat(text("confirm-time")).contains("06:00–07:00");
    }

    @Test
    void the_start_screen_counts_the_rooms_free_now_and_asks_again_every_half_minute() {
        assertThat(text("rooms-now")).isEqualTo(t("start.free.many", 2));
        scene.bookNowElsewhere(scene.bareRoom, 30);

        poll();
        assertThat(text("rooms-now")).as("not asked again yet").isEqualTo(t("start.free.many", 2));
        clock.advance(StartScreen.REFRESH);
        poll();
        assertThat(text("rooms-now")).isEqualTo(t("start.free.one"));
    }

    @Test
    void the_loan_device_wish_is_an_on_off_switch_apart_from_booking_the_room() {
        tap("book-now");
        tap("room-" + scene.bareRoom + "-for-30");
        NativeButton laptop = _get(NativeButton.class, spec -> spec.withId("device-laptop"));
        assertThat(laptop.getElement().getAttribute("role")).isEqualTo("switch");
        assertThat(laptop.getElement().getAttribute("aria-checked")).isEqualTo("false");
        assertThat(laptop.getElement().getTextRecursively()).contains(t("switch.off"));
        assertThat(laptop.getClassNames()).doesNotContain("primary");

        tap("device-laptop");
        assertThat(laptop.getElement().getAttribute("aria-checked")).isEqualTo("true");
        assertThat(laptop.getElement().getTextRecursively()).contains(t("switch.on"));
        assertThat(screen()).as("a switch books nothing").isEqualTo("confirm");
        assertThat(scene.adminGet("/api/v1/sites/" + scene.siteId + "/bookings?date=" + today()).size()).isZero();

        tap("device-laptop");
        tap("device-webcam");
        tap("confirm");
        assertThat(text("done-devices")).isEqualTo(t("done.devices", t("device.webcam")));
    }

    /** The first quarter hour at or after {@code at} (the scene's zone is whole hours off UTC). */
    private static Instant nextQuarter(Instant at) {
        long quarter = Duration.ofMinutes(15).toSeconds();
        return Instant.ofEpochSecond((at.getEpochSecond() + quarter - 1) / quarter * quarter);
    }

    private static void poll() {
        UI ui = UI.getCurrent();
        ComponentUtil.fireEvent(ui, new PollEvent(ui, true));
    }
}
