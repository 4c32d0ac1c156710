package fi.suoja.ui.staff;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import fi.suoja.ui.FakeLaptop;
import fi.suoja.ui.KioskServerProcess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/** Handing devices out and taking them back by scan, the board, its actions, and its live updates. */
class DevicesViewTest extends KaribuStaff {

    private String code;
    private String webcam;

    @BeforeEach
    void aBookingAndAReadyWebcam() {
        code = scene.bookNowElsewhere(scene.bareRoom, 30).path("code").asText();
        webcam = scene.readyAccessory("WEBCAM");
        logInAsAdmin();
        UI.getCurrent().navigate(DevicesView.class);
    }

    private String state(String tag) {
        return _get(Article.class, spec -> spec.withId("device-" + tag)).getElement().getAttribute("data-state");
    }

    @SuppressWarnings("unchecked")
    private void lendTo(String choice) {
        click("mode-hand-out");
        _setValue((Select<String>) _get(Select.class, spec -> spec.withId("lend-for")), choice);
    }

    private void scan(String tag) {
        _setValue(_get(TextField.class, spec -> spec.withId("scan")), tag);
        click("scan-go");
    }

    @Test
    void the_board_shows_every_device_with_its_state_in_words() {
        String laptop = scene.registerDevice("LAPTOP");
        UI.getCurrent().navigate(TodayView.class);
        UI.getCurrent().navigate(DevicesView.class);

        assertThat(state(webcam)).isEqualTo("READY");
        assertThat(text("state-" + webcam)).isEqualTo(t("staff.state.READY"));
        assertThat(state(laptop)).isEqualTo("PROVISIONED");
        assertThat(text("device-" + laptop)).contains(t("staff.device.offline")).contains(t("staff.device.neverSeen"));
    }

    @Test
    void scanning_a_ready_device_against_a_booking_hands_it_out_until_the_booking_ends() {
        lendTo(code);
        scan(webcam);

        assertThat(scene.device(webcam).path("state").asText()).isEqualTo("ON_LOAN");
        assertThat(state(webcam)).isEqualTo("ON_LOAN");
        String end = java.time.format.DateTimeFormatter.ofPattern("HH:mm")
                .format(java.time.Instant.parse(scene.booking(code).path("end").asText()).atZone(scene.zone));
        assertThat(text("devices-notice")).isEqualTo(t("staff.scan.lent", webcam, end));
        assertThat(text("loan-" + webcam)).isEqualTo(t("staff.device.loanBooking", end));
        assertThat(_get(TextField.class, spec -> spec.withId("scan")).getValue()).as("the field is empty for the next scan").isEmpty();
    }

    @Test
    void a_scan_ends_with_enter_as_a_barcode_scanner_types_it() {
        lendTo(DevicesView.WALK_IN);
        TextField field = _get(TextField.class, spec -> spec.withId("scan"));
        _setValue(field, webcam);
        com.vaadin.flow.component.ComponentUtil.fireEvent(field, new com.vaadin.flow.component.KeyPressEvent(field, "Enter"));

        assertThat(scene.device(webcam).path("state").asText()).isEqualTo("ON_LOAN");
        assertThat(scene.device(webcam).path("loan").path("walkIn").asBoolean()).isTrue();
    }

    @Test
    void scanning_a_device_back_takes_it_back_and_a_checked_webcam_is_ready_again() {
        lendTo(code);
        scan(webcam);
        click("mode-take-back");
        scan(webcam);

        assertThat(scene.device(webcam).path("state").asText()).isEqualTo("READY");
        assertThat(state(webcam)).isEqualTo("READY");
        assertThat(text("devices-notice")).isEqualTo(t("staff.scan.tookBack", webcam, t("staff.state.READY")));
    }

    @Test
    void a_device_that_is_not_ready_is_refused_with_its_state_and_why_in_plain_words() {
        String laptop = scene.registerDevice("LAPTOP");
        lendTo(code);
        scan(laptop);

        assertThat(text("devices-notice")).isEqualTo(t("staff.problem.deviceState", t("staff.state.PROVISIONED"), t("staff.why.PROVISIONED")));
        assertThat(scene.device(laptop).path("state").asText()).isEqualTo("PROVISIONED");
    }

    @Test
    void an_unknown_tag_is_refused_in_plain_words() {
        scan("NO-SUCH-TAG");
        assertThat(text("devices-notice")).isEqualTo(t("staff.problem.unknownDevice"));
    }

    @Test
    void marking_faulty_asks_why_and_repaired_sends_it_to_be_checked_again() {
        click("faulty-" + webcam);
        click("yes-" + webcam);
        assertThat(text("devices-notice")).isEqualTo(t("staff.confirm.whyMissing"));
        assertThat(scene.device(webcam).path("state").asText()).isEqualTo("READY");

        _setValue(_get(TextField.class, spec -> spec.withId("why-" + webcam)), "Cable broken");
        click("yes-" + webcam);
        assertThat(state(webcam)).isEqualTo("FAULTY");
        assertThat(scene.device(webcam).path("stateReason").asText()).contains("Cable broken");

        click("repaired-" + webcam);
        click("yes-" + webcam);
        assertThat(scene.device(webcam).path("state").asText()).isEqualTo("WIPE_PENDING");
        assertThat(state(webcam)).isEqualTo("WIPE_PENDING");
    }

    @Test
    void no_in_a_confirmation_changes_nothing() {
        click("wipe-" + webcam);
        click("no-" + webcam);
        assertThat(scene.device(webcam).path("state").asText()).isEqualTo("READY");
        assertThat(has("wipe-" + webcam)).isTrue();
    }

    @Test
    void a_live_update_that_changes_no_state_leaves_an_open_confirmation_open() {
        DevicesView view = _get(DevicesView.class);
        await("the event stream is open", view::live);
        scene.wipeElsewhere(webcam);
        await("the card shows the wipe", () -> "WIPE_PENDING".equals(state(webcam)));
        click("faulty-" + webcam);

        scene.wipeElsewhere(webcam);
        try {
            Thread.sleep(1500); // the server's event comes within this on an idle machine
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        com.github.mvysny.kaributesting.v10.MockVaadin.clientRoundtrip();

        assertThat(has("confirm-" + webcam)).isTrue();
        assertThat(has("why-" + webcam)).isTrue();
    }

    @Test
    void wipe_now_and_retire_are_done_after_confirmation() {
        click("wipe-" + webcam);
        click("yes-" + webcam);
        assertThat(scene.device(webcam).path("state").asText()).isEqualTo("WIPE_PENDING");

        click("retire-" + webcam);
        _setValue(_get(TextField.class, spec -> spec.withId("why-" + webcam)), "Lost");
        click("yes-" + webcam);
        assertThat(scene.device(webcam).path("state").asText()).isEqualTo("RETIRED");
        assertThat(state(webcam)).isEqualTo("RETIRED");
    }

    @Test
    void the_board_changes_live_when_the_server_reports_a_change_and_stops_following_when_left() {
        DevicesView view = _get(DevicesView.class);
        await("the event stream is open", view::live);

        scene.handOutElsewhere(webcam, code);

        await("the card shows the loan", () -> "ON_LOAN".equals(state(webcam)));
        assertThat(has("loan-" + webcam)).isTrue();

        UI.getCurrent().navigate(TodayView.class);
        assertThat(view.live()).isFalse();
    }

    @Test
    void a_simulated_laptop_is_wiped_to_ready_lent_taken_back_and_wiped_to_ready_again_before_the_eyes_of_staff() {
        String laptop = scene.registerDevice("LAPTOP");
        String id = scene.device(laptop).path("id").asText();
        UI.getCurrent().navigate(TodayView.class);
        UI.getCurrent().navigate(DevicesView.class);
        DevicesView view = _get(DevicesView.class);
        await("the event stream is open", view::live);
        assertThat(state(laptop)).isEqualTo("PROVISIONED");

        try (FakeLaptop agent = FakeLaptop.connect(KioskServerProcess.get().brokerUrl(), id)) {
            await("the first verified wipe makes it READY on the board", () -> "READY".equals(state(laptop)));
            assertThat(text("device-" + laptop)).contains(t("staff.device.online")).contains(t("staff.device.battery", 87));

            lendTo(code);
            scan(laptop);
            assertThat(state(laptop)).isEqualTo("ON_LOAN");

            click("mode-take-back");
            scan(laptop);
            assertThat(state(laptop)).isIn("WIPE_PENDING", "WIPING", "READY");
            await("the wipe after the loan makes it READY on the board", () -> "READY".equals(state(laptop)));
            assertThat(scene.device(laptop).path("state").asText()).isEqualTo("READY");
        }
    }
}
