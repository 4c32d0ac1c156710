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

/** Today's timeline and what staff do with a booking: check in, end, cancel. */
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
        assertThat(text(block())).contains(t("staff.booking.CANCELLED"));
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
}
