package fi.suoja.ui.staff;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Today's timeline (the day's opening hours, cancelled bookings folded away, a list for long days)
 * and what staff do with a booking: check in, end, cancel.
 */
class TodayViewTest extends KaribuStaff {

    private String code;

    @BeforeEach
    void aBookingNow() {
        code = scene.bookNowElsewhere(scene.equippedRoom, 30).path("code").asText();
        logInAsAdmin();
    }

    private String block() {
        return "booking-" + code.replace("-", "");
    }

    @Test
    void each_room_has_a_row_with_its_bookings_time_state_and_code_and_a_now_line() {
        assertThat(has("room-" + scene.equippedRoom)).isTrue();
        assertThat(has("room-" + scene.bareRoom)).isTrue();
        assertThat(text(block())).contains(code).contains(t("staff.booking.CONFIRMED")).matches("(?s).*\\d\\d:\\d\\d–\\d\\d:\\d\\d.*");
        assertThat(text("room-" + scene.bareRoom)).contains(t("staff.today.free"));
        assertThat(text("now")).startsWith(t("staff.today.now", "").strip());
        assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("room-" + scene.equippedRoom))
                .getElement().getChild(1).getChildren().anyMatch(e -> e.getClassList().contains("now-line"))).isTrue();
    }

    @Test
    void opening_a_booking_shows_its_codes_and_checking_in_changes_its_state() {
        click(block());
        assertThat(text("detail-code")).contains(code);
        JsonNode booking = scene.booking(code);
        assertThat(text("detail-door")).contains(booking.path("doorCode").asText());

        click("check-in");

        assertThat(scene.booking(code).path("status").asText()).isEqualTo("CHECKED_IN");
        assertThat(text("today-notice")).isEqualTo(t("staff.done.checkedIn", code));
        assertThat(text(block())).contains(t("staff.booking.CHECKED_IN"));
        assertThat(text("detail-state")).contains(t("staff.booking.CHECKED_IN"));
    }

    @Test
    void ending_a_booking_asks_first_and_no_keeps_it() {
        click(block());
        click("check-in");
        click("end");
        assertThat(text("confirm-question")).isEqualTo(t("staff.confirm.end", code));

        click("confirm-no");
        assertThat(scene.booking(code).path("status").asText()).isEqualTo("CHECKED_IN");

        click("end");
        click("confirm-yes");
        assertThat(scene.booking(code).path("status").asText()).isEqualTo("COMPLETED");
        assertThat(text(block())).contains(t("staff.booking.COMPLETED"));
    }

    @Test
    void cancelling_a_booking_asks_first_and_takes_a_reason() {
        click(block());
        click("cancel");
        _setValue(_get(TextField.class, spec -> spec.withId("cancel-reason")), "Room needed for repairs");
        click("confirm-yes");

        assertThat(scene.booking(code).path("status").asText()).isEqualTo("CANCELLED");
        assertThat(text("today-notice")).isEqualTo(t("staff.done.cancelled", code));
        assertThat(_find(NativeButton.class, spec -> spec.withId("check-in"))).isEmpty();
    }

    @Test
    void a_booking_that_changed_elsewhere_is_refused_in_plain_words() {
        click(block());
        scene.cancelElsewhere(code);

        click("check-in");

        assertThat(text("today-notice")).isEqualTo(t("staff.problem.bookingState"));
        assertThat(has(block())).as("a cancelled booking leaves the track").isFalse();
        assertThat(text("folded-" + scene.equippedRoom)).isEqualTo(t("staff.today.folded", 1));
        click("folded-" + scene.equippedRoom);
        assertThat(text("away-" + code.replace("-", ""))).contains(t("staff.booking.CANCELLED"));
    }

    @Test
    void a_booking_shows_the_devices_lent_to_it() {
        click(block());
        assertThat(text("detail-devices")).isEqualTo(t("staff.detail.noDevices"));

        String webcam = scene.readyAccessory("WEBCAM");
        scene.handOutElsewhere(webcam, code);
        _get(TodayView.class).refresh();

        assertThat(text(block())).contains(t("staff.today.devices", 1));
        assertThat(text("detail-devices")).contains(webcam).contains(t("staff.kind.WEBCAM"));
    }

    @Test
    void the_door_of_a_room_with_a_lock_opens_after_a_confirmation() {
        assertThat(has("unlock-" + scene.bareRoom)).as("a room without a lock has no door button").isFalse();
        click("unlock-" + scene.equippedRoom);
        assertThat(text("confirm-question")).isEqualTo(t("staff.confirm.unlock", "Room 1"));
        click("confirm-no");
        assertThat(has("confirmation")).isFalse();

        click("unlock-" + scene.equippedRoom);
        click("confirm-yes");
        assertThat(text("today-notice")).isEqualTo(t("staff.done.unlocked", "Room 1"));
        assertThat(scene.lock(scene.equippedRoom).path("state").asText()).isEqualTo("UNLOCKED");
    }

    // ---- reading the day at a glance ----

    private TodayView today() {
        return _get(TodayView.class);
    }

    private java.time.LocalDate date() {
        return java.time.LocalDate.now(scene.zone);
    }

    @Test
    void the_timeline_spans_the_days_opening_hours_not_the_whole_day_and_each_room_says_its_hours() {
        com.vaadin.flow.component.html.Div hours = _get(com.vaadin.flow.component.html.Div.class,
                spec -> spec.withClasses("timeline-hours"));
        java.util.List<String> marks = hours.getChildren().map(c -> c.getElement().getText()).toList();
        assertThat(marks).as("06:00 to 22:00, hour by hour").first().isEqualTo("06:00");
        assertThat(marks).last().isEqualTo("21:00");
        assertThat(marks).hasSize(16).doesNotContain("00:00", "05:00", "22:00");
        assertThat(text("hours-" + scene.bareRoom)).isEqualTo(t("staff.today.hours", "06:00", "22:00"));
    }

    @Test
    void a_room_closed_today_says_so_instead_of_free() {
        scene.hoursOn(date(), null, null);
        try {
            today().refresh();
            assertThat(text("hours-" + scene.bareRoom)).isEqualTo(t("staff.today.closed"));
            assertThat(text("room-" + scene.bareRoom)).contains(t("staff.today.closed")).doesNotContain(t("staff.today.free"));
            assertThat(text("list-room-" + scene.bareRoom)).contains(t("staff.today.closed"));
            assertThat(has(block())).as("the booking made before the room was closed is still shown").isTrue();
        } finally {
            scene.usualHoursOn(date());
        }
    }

    @Test
    void cancelled_bookings_are_folded_into_a_count_that_opens_on_demand() {
        String other = scene.bookNowElsewhere(scene.bareRoom, 30).path("code").asText();
        scene.cancelElsewhere(other);
        today().refresh();

        String away = "away-" + other.replace("-", "");
        assertThat(has("booking-" + other.replace("-", ""))).as("not on the track").isFalse();
        assertThat(text("folded-" + scene.bareRoom)).isEqualTo(t("staff.today.folded", 1));
        assertThat(has(away)).as("folded until asked").isFalse();
        assertThat(_get(NativeButton.class, spec -> spec.withId("folded-" + scene.bareRoom)).getElement()
                .getAttribute("aria-expanded")).isEqualTo("false");

        click("folded-" + scene.bareRoom);

        assertThat(has(away)).isTrue();
        assertThat(text(away)).contains(other).contains(t("staff.booking.CANCELLED"));
        assertThat(_get(NativeButton.class, spec -> spec.withId("folded-" + scene.bareRoom)).getElement()
                .getAttribute("aria-expanded")).isEqualTo("true");
        today().refresh();
        assertThat(has(away)).as("stays open when the day is drawn again").isTrue();

        click(away);
        assertThat(text("detail-state")).contains(t("staff.booking.CANCELLED"));
    }

    @Test
    void a_long_day_comes_as_a_list_and_staff_can_switch_to_the_timeline_and_back() {
        assertThat(today().hasClassName("as-list")).as("06:00–22:00 is a long day").isTrue();
        assertThat(text("list-booking-" + code.replace("-", ""))).contains(code).contains(t("staff.booking.CONFIRMED"));
        assertThat(text("today-view-toggle")).isEqualTo(t("staff.today.asTimeline"));
        assertThat(has("list-unlock-" + scene.equippedRoom)).as("the door opens from the list too").isTrue();
        assertThat(has("list-unlock-" + scene.bareRoom)).isFalse();

        click("today-view-toggle");
        assertThat(today().hasClassName("as-timeline")).isTrue();
        assertThat(today().hasClassName("as-list")).isFalse();
        assertThat(text("today-view-toggle")).isEqualTo(t("staff.today.asList"));

        click("today-view-toggle");
        assertThat(today().hasClassName("as-list")).isTrue();
    }

    @Test
    void a_short_day_comes_as_a_timeline() {
        java.time.LocalTime now = java.time.LocalTime.now(scene.zone);
        scene.hoursOn(date(), String.format("%02d:00", Math.max(0, now.getHour() - 3)),
                String.format("%02d:00", Math.min(23, now.getHour() + 3)));
        try {
            today().refresh();
            assertThat(today().hasClassName("as-timeline")).isTrue();
        } finally {
            scene.usualHoursOn(date());
        }
    }

    @Test
    void the_finnish_desk_words_the_day_in_finnish_and_in_the_librarys_time() {
        com.vaadin.flow.component.UI.getCurrent().getSession().setLocale(java.util.Locale.forLanguageTag("fi"));
        com.vaadin.flow.component.UI.getCurrent().refreshCurrentRoute(true);
        String start = java.time.format.DateTimeFormatter.ofPattern("HH:mm")
                .format(java.time.Instant.parse(scene.booking(code).path("start").asText()).atZone(scene.zone));

        assertThat(text(block())).contains(start).contains("tulossa");
        assertThat(text("hours-" + scene.bareRoom)).isEqualTo("Auki 06:00–22:00");
        assertThat(text("today-view-toggle")).isEqualTo("Näytä aikajanana");
        assertThat(text("timeline")).doesNotContainPattern("\\d{4}-\\d\\d-\\d\\dT");
    }
}
