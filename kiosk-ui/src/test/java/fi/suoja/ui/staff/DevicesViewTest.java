package fi.suoja.ui.staff;

import com.vaadin.flow.component.UI;
import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import fi.suoja.ui.FakeLaptop;
import fi.suoja.ui.KioskServerProcess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
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

    /** A laptop registered just now, on a board drawn again and following the server's events. */
    private String newLaptopOnALiveBoard() {
        String laptop = scene.registerDevice("LAPTOP");
        UI.getCurrent().navigate(TodayView.class);
        UI.getCurrent().navigate(DevicesView.class);
        DevicesView view = _get(DevicesView.class);
        await("the event stream is open", view::live);
        return laptop;
    }

    private void scan(String tag) {
        _setValue(_get(TextField.class, spec -> spec.withId("scan")), tag);
        click("scan-go");
    }

    @Test
    @SuppressWarnings("unchecked")
    void wipe_all_shown_asks_first_and_then_wipes_every_shown_device_that_may_be_wiped_and_no_other() {
        String headset = scene.readyAccessory("HEADSET");
        String lent = scene.readyAccessory("WEBCAM");
        UI.getCurrent().navigate(TodayView.class);
        UI.getCurrent().navigate(DevicesView.class);
        lendTo(code);
        scan(lent);
        assertThat(state(lent)).isEqualTo("ON_LOAN");

        // Two shown devices may be wiped; the one on loan may not.
        assertThat(text("wipe-shown")).isEqualTo(t("staff.wipeShown", 2));
        click("wipe-shown");
        assertThat(text("confirm-wipe-shown")).isEqualTo(t("staff.wipeShown.confirm", 2) + t("staff.confirm.yes") + t("staff.confirm.no"));
        click("no-wipe-shown");
        assertThat(state(webcam)).isEqualTo("READY");
        assertThat(state(headset)).isEqualTo("READY");
        assertThat(has("confirm-wipe-shown")).isFalse();

        // Narrowed to one shown device, there is no such button: its card has its own.
        Select<String> kind = _get(Select.class, spec -> spec.withId("filter-kind"));
        _setValue(kind, "HEADSET");
        assertThat(has("wipe-shown")).isFalse();
        _setValue(kind, DevicesView.ANY_KIND);

        click("wipe-shown");
        click("yes-wipe-shown");
        assertThat(state(webcam)).isEqualTo("WIPE_PENDING");
        assertThat(state(headset)).isEqualTo("WIPE_PENDING");
        assertThat(state(lent)).isEqualTo("ON_LOAN");
        assertThat(text("devices-notice")).isEqualTo(t("staff.wipeShown.done", 2));
        assertThat(scene.device(webcam).path("state").asText()).isEqualTo("WIPE_PENDING");
        assertThat(scene.device(lent).path("state").asText()).isEqualTo("ON_LOAN");
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
        assertThat(text("loan-" + webcam)).as("the loan names today's booking and its room")
                .isEqualTo(t("staff.device.loanOf", code, "Room 2", end));
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
        click("mode-return");
        scan(webcam);

        assertThat(scene.device(webcam).path("state").asText()).isEqualTo("READY");
        assertThat(state(webcam)).isEqualTo("READY");
        assertThat(text("devices-notice")).isEqualTo(t("staff.scan.returned", webcam, t("staff.state.READY")));
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
        assertThat(text("state-reason-" + webcam)).as("the staff member's own words").contains("Cable broken");

        click("repaired-" + webcam);
        click("yes-" + webcam);
        assertThat(scene.device(webcam).path("state").asText()).isEqualTo("WIPE_PENDING");
        assertThat(state(webcam)).isEqualTo("WIPE_PENDING");
        assertThat(text("device-" + webcam)).as("the server's English sentence is not shown on the desk").doesNotContain("Repaired");
        assertThat(text("wipe-state-" + webcam)).as("a webcam is checked by hand, nothing is sent to it")
                .isEqualTo(t("staff.device.wipe.toCheck"));
    }

    @Test
    void a_card_has_a_button_for_each_action_the_server_lists_and_no_other() {
        assertThat(buttons(webcam)).containsExactly("wipe-", "faulty-", "history-", "reports-", "retire-");
        assertThat(scene.device(webcam).path("actions").toString()).isEqualTo("[\"HAND_OUT\",\"WIPE\",\"FAULTY\",\"RETIRE\"]");

        click("faulty-" + webcam);
        _setValue(_get(TextField.class, spec -> spec.withId("why-" + webcam)), "Cable broken");
        click("yes-" + webcam);
        assertThat(buttons(webcam)).containsExactly("repaired-", "history-", "reports-", "retire-");
    }

    /** The card's action buttons, by id without the tag. */
    private List<String> buttons(String tag) {
        return _find(NativeButton.class).stream()
                .map(button -> button.getId().orElse(""))
                .filter(id -> id.endsWith("-" + tag) && !id.equals("device-" + tag))
                .map(id -> id.substring(0, id.length() - tag.length()))
                .toList();
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
        DeviceCard card = _get(DeviceCard.class, spec -> spec.withId("device-" + webcam));
        fi.suoja.ui.server.Device before = card.device();

        scene.wipeElsewhere(webcam);
        await("the server's event reaches the open card", () -> card.device() != before);

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
        String laptop = newLaptopOnALiveBoard();
        String id = scene.device(laptop).path("id").asText();
        assertThat(state(laptop)).isEqualTo("PROVISIONED");

        try (FakeLaptop agent = FakeLaptop.connect(KioskServerProcess.get().brokerUrl(), scene.agentConfig(laptop))) {
            await("the first verified wipe makes it READY on the board", () -> "READY".equals(state(laptop)));
            assertThat(text("device-" + laptop)).contains(t("staff.device.online")).contains(t("staff.device.battery", 87))
                    .as("an online laptop's last heartbeat is not shown: it would stand still on the board")
                    .doesNotContain(t("staff.device.lastSeen", "").trim());

            lendTo(code);
            scan(laptop);
            assertThat(state(laptop)).isEqualTo("ON_LOAN");

            click("mode-return");
            scan(laptop);
            assertThat(state(laptop)).isIn("WIPE_PENDING", "WIPING", "READY");
            await("the wipe after the loan makes it READY on the board", () -> "READY".equals(state(laptop)));
            assertThat(scene.device(laptop).path("state").asText()).isEqualTo("READY");
        }
    }

    @Test
    void a_wipe_the_laptop_could_not_verify_is_explained_in_the_desks_language_not_in_the_agents_words() {
        UI.getCurrent().getSession().setLocale(java.util.Locale.forLanguageTag("fi"));
        String laptop = newLaptopOnALiveBoard();
        String id = scene.device(laptop).path("id").asText();

        try (FakeLaptop agent = FakeLaptop.connect(KioskServerProcess.get().brokerUrl(), scene.agentConfig(laptop))) {
            agent.failWipes(java.util.List.of("home/Downloads/held.pdf: access-denied", "home/.cache/lock: AccessDeniedException",
                    "home: remains (2 entries)"));
            await("the unverified wipe makes it WIPE_FAILED on the board", () -> "WIPE_FAILED".equals(state(laptop)));
            assertThat(text("wipe-failures-" + laptop))
                    .contains("Joitakin tiedostoja ei voitu poistaa: kone ei sallinut sitä.")
                    .contains("Tiedostoja oli vielä jäljellä, kun tyhjennys tarkistettiin.");
            assertThat(text("device-" + laptop)).contains(t("staff.wipeFailure.heading"))
                    .doesNotContain("Exception").doesNotContain("access-denied").doesNotContain("home/");
        }
    }

    @Test
    void a_ready_laptop_whose_agent_says_it_is_dirty_is_not_lent_and_staff_are_told_why_in_their_language() {
        UI.getCurrent().getSession().setLocale(java.util.Locale.forLanguageTag("fi"));
        String laptop = newLaptopOnALiveBoard();
        try (FakeLaptop agent = FakeLaptop.connect(KioskServerProcess.get().brokerUrl(), scene.agentConfig(laptop))) {
            await("READY on the board", () -> "READY".equals(state(laptop)));
            agent.report(fi.suoja.hardware.mqtt.AgentState.DIRTY);
            await("the server has the agent's word", () -> "DIRTY".equals(scene.device(laptop).path("agentState").asText()));

            lendTo(code);
            scan(laptop);

            assertThat(text("devices-notice")).isEqualTo(t("staff.problem.notClean.DIRTY"))
                    .startsWith("Ei lainattu: kone ilmoittaa itse");
            assertThat(scene.device(laptop).path("state").asText()).isEqualTo("READY");
            assertThat(scene.device(laptop).path("loan").isMissingNode()).isTrue();
        }
    }

    @Test
    void a_laptop_the_server_cannot_hear_says_why_on_its_card_and_staff_have_it_heard_again() {
        String laptop = scene.registerDevice("LAPTOP");
        UI.getCurrent().navigate(TodayView.class);
        UI.getCurrent().navigate(DevicesView.class);
        DevicesView view = _get(DevicesView.class);
        await("the event stream is open", view::live);
        try (FakeLaptop agent = FakeLaptop.connect(KioskServerProcess.get().brokerUrl(), scene.agentConfig(laptop))) {
            await("READY on the board", () -> "READY".equals(state(laptop)));
            assertThat(_find(NativeButton.class, spec -> spec.withId("hear-again-" + laptop))).isEmpty();

            // An agent older than signed reports: its status is refused, and the card says so.
            agent.unsignedStatus();
            await("the card says the device is not heard", () -> !_find(Paragraph.class,
                    spec -> spec.withId("unheard-" + laptop)).isEmpty());
            String since = t("staff.device.unheard", "\u0000");
            assertThat(text("unheard-" + laptop)).startsWith(since.substring(0, since.indexOf('\u0000'))).endsWith(t("staff.refusal.UNSIGNED"));

            click("hear-again-" + laptop);
            assertThat(text("confirm-" + laptop)).startsWith(t("staff.confirm.hearAgain", laptop));
            click("yes-" + laptop);
            assertThat(_find(Paragraph.class, spec -> spec.withId("unheard-" + laptop))).isEmpty();
            assertThat(scene.device(laptop).path("hearing").path("refusedMessages").asInt()).isZero();
        }
    }

    @Test
    void the_board_narrows_to_a_group_of_states_a_kind_and_a_tag_and_says_how_many_it_shows() {
        String laptop = scene.registerDevice("LAPTOP");
        String headset = scene.readyAccessory("HEADSET");
        String lent = scene.readyAccessory("WEBCAM");
        scene.handOutElsewhere(lent, code);
        UI.getCurrent().navigate(TodayView.class);
        UI.getCurrent().navigate(DevicesView.class);
        assertThat(visible(webcam)).isTrue();
        assertThat(text("board-count")).isEqualTo(t("staff.filter.count", 4, 4));

        show(DevicesView.Show.READY);
        assertThat(visible(webcam)).isTrue();
        assertThat(visible(headset)).isTrue();
        assertThat(visible(lent)).isFalse();
        assertThat(visible(laptop)).isFalse();
        assertThat(text("board-count")).isEqualTo(t("staff.filter.count", 2, 4));

        kind("HEADSET");
        assertThat(visible(webcam)).isFalse();
        assertThat(visible(headset)).isTrue();

        kind(DevicesView.ANY_KIND);
        show(DevicesView.Show.LENT);
        assertThat(visible(lent)).isTrue();
        assertThat(visible(webcam)).isFalse();

        show(DevicesView.Show.ATTENTION);
        assertThat(visible(laptop)).as("a registered laptop whose agent never came is to be looked at").isTrue();
        assertThat(visible(webcam)).isFalse();

        show(DevicesView.Show.ALL);
        _setValue(_get(TextField.class, spec -> spec.withId("filter-tag")), webcam.substring(4).toUpperCase(java.util.Locale.ROOT));
        assertThat(visible(webcam)).isTrue();
        assertThat(visible(headset)).isFalse();
        assertThat(text("board-count")).isEqualTo(t("staff.filter.count", 1, 4));
    }

    @Test
    void a_live_change_follows_the_filters() {
        show(DevicesView.Show.READY);
        assertThat(visible(webcam)).isTrue();
        scene.handOutElsewhere(webcam, code);
        await("the lent webcam leaves the ready ones", () -> !visible(webcam));
        show(DevicesView.Show.LENT);
        assertThat(state(webcam)).isEqualTo("ON_LOAN");
    }

    @Test
    void the_card_tells_the_last_wipe_and_opens_the_reports() {
        String never = scene.registerDevice("HEADSET");
        UI.getCurrent().navigate(TodayView.class);
        UI.getCurrent().navigate(DevicesView.class);
        assertThat(text("last-wipe-" + never)).isEqualTo(t("staff.device.neverWiped"));
        assertThat(has("reports-" + never)).isFalse();

        assertThat(text("last-wipe-" + webcam)).isNotEqualTo(t("staff.device.neverWiped"));
        assertThat(text("device-" + webcam)).as("no \"Wiped and verified at <ISO instant>\" from the server")
                .doesNotContain("Wiped").doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
        click("reports-" + webcam);
        assertThat(text("reports-of-" + webcam)).contains(t("staff.report.heading", webcam)).contains("admin");
        click("reports-close-" + webcam);
        assertThat(has("reports-of-" + webcam)).isFalse();
    }

    @Test
    void a_cards_history_tells_its_loans_checks_faults_and_repairs_newest_first_in_the_desks_language_and_local_time() {
        UI.getCurrent().getSession().setLocale(Locale.forLanguageTag("fi"));
        UI.getCurrent().navigate(TodayView.class);
        UI.getCurrent().navigate(DevicesView.class);
        lendTo(code);
        scan(webcam);
        click("mode-return");
        scan(webcam);
        click("faulty-" + webcam);
        _setValue(_get(TextField.class, spec -> spec.withId("why-" + webcam)), "linssi naarmuilla");
        click("yes-" + webcam);
        click("repaired-" + webcam);
        click("yes-" + webcam);

        click("history-" + webcam);
        JsonNode history = scene.adminGet("/api/v1/devices/" + scene.device(webcam).path("id").asText() + "/history");
        List<String> kinds = new ArrayList<>();
        history.path("entries").forEach(entry -> kinds.add(entry.path("kind").asText()));
        assertThat(kinds).containsExactly("WIPE", "REPAIRED", "FAULTY", "WIPE", "LOAN", "WIPE");
        JsonNode loan = history.path("entries").get(4).path("loan");
        List<String> fi = entries();
        assertThat(fi).hasSize(6);
        assertThat(fi.get(0)).startsWith(local(history.path("entries").get(0).path("at"))).contains("Odottaa käsin tarkastusta")
                .contains("käynnissä");
        assertThat(fi.get(1)).contains("Korjattu, käyttöön tyhjennyksen jälkeen (admin)");
        assertThat(fi.get(2)).contains("Merkitty vialliseksi (admin)").contains("linssi naarmuilla");
        assertThat(fi.get(3)).contains("Tarkastanut käsin admin").contains("valmis " + local(history.path("entries").get(3).path("wipe").path("finishedAt")));
        assertThat(fi.get(4)).startsWith(local(loan.path("startedAt")))
                .contains("Lainassa varaukselle " + code).contains("lainasi admin")
                .contains("palautettava " + local(loan.path("dueAt")))
                .contains("palautettu " + local(loan.path("endedAt"))).contains("vastaanotti admin");
        assertThat(fi.get(5)).contains("Tarkastanut käsin admin");
        assertThat(text("history-of-" + webcam)).as("times in the library's zone, never an ISO instant; no English")
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T").doesNotContain("Repaired").doesNotContain("Faulty:");

        UI.getCurrent().getSession().setLocale(Locale.forLanguageTag("sv"));
        UI.getCurrent().navigate(TodayView.class);
        UI.getCurrent().navigate(DevicesView.class);
        click("history-" + webcam);
        List<String> sv = entries();
        assertThat(sv.get(0)).contains("Väntar på kontroll för hand").contains("pågår sedan");
        assertThat(sv.get(1)).contains("Reparerad, i bruk efter rensning (admin)");
        assertThat(sv.get(2)).contains("Markerad som trasig (admin)").contains("linssi naarmuilla");
        assertThat(sv.get(4)).startsWith(local(loan.path("startedAt"))).contains("Utlånad för bokning " + code)
                .contains("utlånad av admin").contains("återlämnad " + local(loan.path("endedAt"))).contains("mottagen av admin");

        click("history-close-" + webcam);
        assertThat(has("history-of-" + webcam)).isFalse();
    }

    @Test
    void a_returned_laptop_shows_on_its_card_each_state_until_it_is_ready_and_its_history_how_long_the_wipe_took() {
        UI.getCurrent().getSession().setLocale(Locale.forLanguageTag("fi"));
        String laptop = scene.registerDevice("LAPTOP");
        UI.getCurrent().navigate(TodayView.class);
        UI.getCurrent().navigate(DevicesView.class);
        await("the event stream is open", _get(DevicesView.class)::live);
        try (FakeLaptop agent = FakeLaptop.connect(KioskServerProcess.get().brokerUrl(), scene.agentConfig(laptop))) {
            await("READY on the board", () -> "READY".equals(state(laptop)));
            lendTo(code);
            scan(laptop);
            assertThat(state(laptop)).isEqualTo("ON_LOAN");
            click("history-" + laptop);
            agent.holdWipes();

            click("mode-return");
            scan(laptop);
            await("the wipe reaches the laptop", agent::holdsAWipe);
            await("being wiped, sent", () -> "WIPING".equals(state(laptop)) && has("wipe-state-" + laptop)
                    && text("wipe-state-" + laptop).equals(t("staff.device.wipe.SENT")));
            assertThat(text("state-" + laptop)).isEqualTo("tyhjennetään");
            assertThat(text("since-" + laptop)).endsWith("alkaen");
            assertThat(entries().get(0)).contains("Tyhjennys lähetetty laitteelle").contains("käynnissä");

            agent.acknowledgeHeldWipe();
            await("the laptop has begun its wipe", () -> text("wipe-state-" + laptop).equals("laite tyhjentää"));
            assertThat(state(laptop)).isEqualTo("WIPING");
            assertThat(entries().get(0)).as("the open history follows").contains("Laite tyhjentää");

            agent.finishHeldWipe();
            await("READY after the verified wipe", () -> "READY".equals(state(laptop)));
            assertThat(has("wipe-state-" + laptop)).isFalse();
            assertThat(has("since-" + laptop)).isFalse();
            assertThat(entries().get(0)).contains("Tyhjennetty ja todettu puhtaaksi").containsPattern("kesti \\d")
                    .contains("laitteella 0,3 s").contains("12 tiedostoa poistettu");
            assertThat(entries().get(1)).contains("Lainassa varaukselle " + code).contains("palautettu");
        }
    }

    /** The open history's entries, newest first, as text. */
    private List<String> entries() {
        return _find(ListItem.class, spec -> spec.withClasses("history-entry")).stream()
                .map(item -> item.getElement().getTextRecursively()).toList();
    }

    /** An instant of the server's answer as the desk writes it: day and time in the library's zone. */
    private String local(JsonNode instant) {
        return DateTimeFormatter.ofPattern("d.M. HH:mm").format(Instant.parse(instant.asText()).atZone(scene.zone));
    }

    private boolean visible(String tag) {
        // Karibu finds only what is shown
        return !_find(Article.class, spec -> spec.withId("device-" + tag)).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private void show(DevicesView.Show group) {
        _setValue((Select<DevicesView.Show>) _get(Select.class, spec -> spec.withId("filter-show")), group);
    }

    @SuppressWarnings("unchecked")
    private void kind(String kind) {
        _setValue((Select<String>) _get(Select.class, spec -> spec.withId("filter-kind")), kind);
    }
}
