package fi.suoja.ui.kiosk;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Image;
import fi.suoja.hardware.printer.SimulatedPrinter;
import fi.suoja.ui.KioskServerProcess;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** Every flow of the kiosk, tap by tap, against the real kiosk-server. */
class KioskFlowsTest extends KaribuKiosk {

    @Test
    void booking_a_room_now_takes_four_taps_from_the_start_screen() {
        assertThat(screen()).isEqualTo("start");

        String code = bookNow(scene.equippedRoom);

        assertThat(taps).isLessThanOrEqualTo(4);
        assertThat(code).matches("[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}");
        JsonNode booking = scene.booking(code);
        assertThat(booking.path("roomId").asLong()).isEqualTo(scene.equippedRoom);
        assertThat(booking.path("status").asText()).as("the visitor is here: the room is theirs at once").isEqualTo("CHECKED_IN");
        assertThat(Duration.between(Instant.parse(booking.path("start").asText()), Instant.parse(booking.path("end").asText())))
                .isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void the_done_screen_shows_both_codes_room_place_time_a_qr_code_and_that_the_room_is_theirs_now() {
        String code = bookNow(scene.equippedRoom);
        JsonNode booking = scene.booking(code);

        assertThat(text("door-code")).contains(booking.path("doorCode").asText());
        assertThat(text("done-room")).contains("Room 1");
        assertThat(text("done-place")).contains("2nd floor, next to the newspapers");
        assertThat(text("done-time")).matches(".*\\d\\d:\\d\\d–\\d\\d:\\d\\d");
        Image qr = _get(Image.class, spec -> spec.withId("booking-qr"));
        assertThat(qr.getSrc()).startsWith("data:image/svg+xml;base64,");
        assertThat(qr.getAlt()).contains(t("done.qr"));
        assertThat(text("done-keep")).isEqualTo(t("done.keep.now.door"));
        assertThat(text("done-hides")).isEqualTo(t("done.hides", 45));
    }

    @Test
    void a_room_without_a_lock_has_no_door_code() {
        bookNow(scene.bareRoom);
        assertThat(has("door-code")).isFalse();
        assertThat(text("done-keep")).isEqualTo(t("done.keep.now.noDoor"));
    }

    @Test
    void a_booking_for_later_says_by_when_the_door_code_the_paper_or_the_code_keeps_the_room() {
        tap("book");
        tap("when-later");
        tap("length-30");
        tap(lastButton("hour-"));
        tap(lastButton("room-" + scene.equippedRoom + "-at-"));
        tap("confirm");

        JsonNode booking = scene.booking(shownCode());
        assertThat(booking.path("status").asText()).isEqualTo("CONFIRMED");
        Instant until = Instant.parse(booking.path("checkInUntil").asText());
        assertThat(until).isEqualTo(Instant.parse(booking.path("start").asText()).plus(Duration.ofMinutes(15)));
        assertThat(text("done-keep")).isEqualTo(t("done.keep.later.door",
                java.time.format.DateTimeFormatter.ofPattern("HH:mm").withZone(scene.zone).format(until)));
        tap("print");
        assertThat(printer.lastReceipt()).hasValueSatisfying(receipt -> assertThat(receipt).contains(
                java.time.format.DateTimeFormatter.ofPattern("HH:mm").withZone(scene.zone).format(until)));
    }

    @Test
    void the_codes_go_back_to_the_start_after_the_done_time_without_a_touch() {
        String code = bookNow(scene.equippedRoom);

        clock.advance(Duration.ofSeconds(44));
        view().tick();
        assertThat(screen()).isEqualTo("done");
        clock.advance(Duration.ofSeconds(1));
        view().tick();

        assertThat(screen()).as("straight to the start, without the idle question").isEqualTo("start");
        assertThat(UI.getCurrent().getElement().getTextRecursively()).doesNotContain(code).doesNotContain("Room 1");
        assertThat(scene.booking(code).path("status").asText()).isEqualTo("CHECKED_IN");
        tap("have-booking");
        typeCode(code);
        tap("show-booking");
        assertThat(text("booking-code")).as("shown again by its code").contains(code);
    }

    @Test
    void a_touch_anywhere_on_the_done_screen_keeps_the_codes_there() {
        String code = bookNow(scene.equippedRoom);
        clock.advance(Duration.ofSeconds(40));
        fire(_get(DoneScreen.class), "pointerdown", elemental.json.Json.createObject());

        clock.advance(Duration.ofSeconds(40));
        view().tick();

        assertThat(screen()).isEqualTo("done");
        assertThat(text("booking-code")).contains(code);
    }

    @Test
    void the_idle_question_over_the_codes_never_keeps_them_past_the_done_time() {
        useTimes(20, 30, 45);
        String code = bookNow(scene.equippedRoom);

        clock.advance(Duration.ofSeconds(20));
        view().tick();
        assertThat(screen()).isEqualTo("still-here");
        clock.advance(Duration.ofSeconds(25));
        view().tick();

        assertThat(screen()).as("45 s after the last touch, not 20 + 30").isEqualTo("start");
        assertThat(UI.getCurrent().getElement().getTextRecursively()).doesNotContain(code);
    }

    @Test
    void booking_later_today_asks_the_length_then_the_hour_then_offers_start_times() {
        tap("book");
        tap("when-later");
        assertThat(screen()).isEqualTo("length");
        tap("length-60");
        assertThat(screen()).isEqualTo("hours");
        tap(firstButton("hour-"));
        assertThat(screen()).isEqualTo("rooms");
        tap(firstButton("room-" + scene.bareRoom + "-at-"));
        tap("confirm");

        assertThat(screen()).isEqualTo("done");
        JsonNode booking = scene.booking(shownCode());
        Instant start = Instant.parse(booking.path("start").asText());
        assertThat(Duration.between(start, Instant.parse(booking.path("end").asText()))).isEqualTo(Duration.ofMinutes(60));
        assertThat(start.atZone(scene.zone).toLocalDate()).isEqualTo(LocalDate.now(scene.zone));
    }

    @Test
    void booking_another_day_offers_the_coming_days() {
        tap("book");
        tap("when-day");
        assertThat(screen()).isEqualTo("days");
        tap("day-1");
        tap("length-30");
        tap(firstButton("hour-"));
        tap(firstButton("room-" + scene.equippedRoom + "-at-"));
        tap("confirm");

        assertThat(screen()).isEqualTo("done");
        JsonNode booking = scene.booking(shownCode());
        assertThat(Instant.parse(booking.path("start").asText()).atZone(scene.zone).toLocalDate())
                .isEqualTo(ZonedDateTime.now(scene.zone).toLocalDate().plusDays(1));
    }

    @Test
    void a_room_without_devices_offers_loan_devices_and_the_done_screen_sends_the_visitor_to_staff() {
        tap("book");
        tap("when-now");
        tap("room-" + scene.bareRoom + "-for-30");
        assertThat(has("device-laptop")).isTrue();
        assertThat(has("device-webcam")).isTrue();
        assertThat(has("device-headset")).isTrue();

        tap("device-laptop");
        assertThat(_get(com.vaadin.flow.component.html.NativeButton.class, spec -> spec.withId("device-laptop"))
                .getElement().getAttribute("aria-checked")).isEqualTo("true");
        tap("confirm");

        assertThat(text("done-devices")).isEqualTo(t("done.devices", t("device.laptop")));
    }

    @Test
    void a_room_with_everything_built_in_offers_no_loan_devices() {
        tap("book");
        tap("when-now");
        tap("room-" + scene.equippedRoom + "-for-30");
        assertThat(has("device-laptop")).isFalse();
        tap("confirm");
        assertThat(has("done-devices")).isFalse();
    }

    @Test
    void back_goes_one_screen_back_and_keeps_the_choices_so_far() {
        tap("book");
        tap("when-later");
        tap("length-60");
        assertThat(screen()).isEqualTo("hours");
        tap(firstButton("hour-"));
        assertThat(screen()).isEqualTo("rooms");

        tap("back");
        assertThat(screen()).isEqualTo("hours");
        tap("back");
        assertThat(screen()).isEqualTo("length");
        tap("back");
        assertThat(screen()).isEqualTo("when");
        tap("when-now");
        tap("ask-help");
        tap("help-back");
        tap("back");
        assertThat(screen()).isEqualTo("when");
        tap("back");
        assertThat(screen()).isEqualTo("start");
        assertThat(has("back")).isFalse();
    }

    @Test
    void there_is_no_way_back_from_a_booking_made() {
        bookNow(scene.equippedRoom);
        assertThat(has("back")).isFalse();
    }

    /** Chooses the equipped room for now; someone else books it; the visitor taps "Book the room". */
    private void confirmARoomTakenMeanwhile() {
        tap("book");
        tap("when-now");
        tap("room-" + scene.equippedRoom + "-for-30");
        scene.bookNowElsewhere(scene.equippedRoom, 30);
        tap("confirm");
    }

    @Test
    void a_room_taken_meanwhile_gets_a_plain_message_and_the_rooms_free_now_without_it() {
        confirmARoomTakenMeanwhile();

        assertThat(screen()).isEqualTo("rooms");
        assertThat(text("choice-notice")).isEqualTo(t("problem.taken"));
        assertThat(has("room-" + scene.equippedRoom + "-for-30")).as("the room taken is offered again").isFalse();
        tap("lang-sv");
        assertThat(text("choice-notice")).as("the notice after a change of language").isEqualTo(t("problem.taken"))
                .startsWith("Någon");
        tap("room-" + scene.bareRoom + "-for-30");
        tap("confirm");
        assertThat(screen()).isEqualTo("done");
    }

    @Test
    void back_from_the_rooms_shown_again_goes_where_it_went_before_and_the_notice_is_gone() {
        confirmARoomTakenMeanwhile();
        assertThat(screen()).isEqualTo("rooms");

        tap("back");
        assertThat(screen()).isEqualTo("when");
        tap("when-now");
        assertThat(has("choice-notice")).isFalse();
        tap("back");
        tap("back");
        assertThat(screen()).isEqualTo("start");
    }

    @Test
    void a_time_taken_meanwhile_later_today_goes_back_to_today_s_times_without_it() {
        tap("book");
        tap("when-later");
        tap("length-60");
        tap(firstButton("hour-"));
        String chosen = firstButton("room-" + scene.bareRoom + "-at-");
        tap(chosen);
        String hhmm = chosen.substring(chosen.lastIndexOf("-at-") + 4);
        java.time.LocalTime at = java.time.LocalTime.of(Integer.parseInt(hhmm.substring(0, 2)), Integer.parseInt(hhmm.substring(2)));
        scene.bookAt(scene.bareRoom, LocalDate.now(scene.zone).atTime(at).atZone(scene.zone).toInstant(), 60);

        tap("confirm");

        assertThat(screen()).as("today's times, asked again").isIn("hours", "rooms");
        assertThat(text("choice-notice")).isEqualTo(t("problem.taken"));
        // Late in the hour the time taken may have been its last free one: then the hour is not offered at all.
        if (screen().equals("hours") && has("hour-" + at.getHour())) {
            tap("hour-" + at.getHour());
        }
        assertThat(has(chosen)).as("the time taken is offered again").isFalse();
    }

    @Test
    void print_sends_the_codes_to_the_printer() {
        String code = bookNow(scene.equippedRoom);

        tap("print");

        // a receipt is read later, at home: the library and the date are on it, also for today
        String today = java.time.format.DateTimeFormatter.ofPattern("d.M.yyyy").format(LocalDate.now(scene.zone));
        assertThat(printer.lastReceipt()).hasValueSatisfying(receipt -> assertThat(receipt)
                .contains(code).contains(scene.booking(code).path("doorCode").asText()).contains("Room 1")
                .startsWith(scene.siteName() + "\n").contains(t("receipt.date") + ": ").contains(today));
        assertThat(text("print-notice")).isEqualTo(t("print.done"));
    }

    @Test
    void a_printer_without_paper_gets_a_plain_message_and_the_codes_stay_on_screen() {
        String code = bookNow(scene.equippedRoom);
        printer.setState(SimulatedPrinter.State.OUT_OF_PAPER);

        tap("print");

        assertThat(text("print-notice")).isEqualTo(t("print.outOfPaper"));
        assertThat(text("booking-code")).contains(code);
        printer.setState(SimulatedPrinter.State.OFFLINE);
        tap("print");
        assertThat(text("print-notice")).isEqualTo(t("print.offline"));
    }

    @Test
    void ready_on_the_done_screen_clears_everything() {
        bookNow(scene.equippedRoom);
        tap("finish");
        assertThat(screen()).isEqualTo("start");
        assertThat(view().getElement().getTextRecursively()).doesNotContain("Room 1");
    }

    @Test
    void with_the_booking_code_a_visitor_checks_in_gets_more_time_and_ends_the_booking() {
        // booked for them at the desk: not checked in
        String code = scene.bookNowElsewhere(scene.equippedRoom, 30).path("code").asText();

        tap("have-booking");
        typeCode(code);
        tap("show-booking");
        assertThat(screen()).isEqualTo("booking");
        assertThat(text("booking-state")).contains(t("booking.state.confirmed"));

        tap("check-in");
        assertThat(text("booking-notice")).isEqualTo(t("booking.checkedIn"));
        assertThat(scene.booking(code).path("status").asText()).isEqualTo("CHECKED_IN");

        Instant endBefore = Instant.parse(scene.booking(code).path("end").asText());
        tap("extend");
        assertThat(text("booking-notice")).isEqualTo(t("booking.extended"));
        assertThat(Instant.parse(scene.booking(code).path("end").asText())).isEqualTo(endBefore.plus(Duration.ofMinutes(30)));

        tap("end");
        assertThat(screen()).isEqualTo("ask");
        tap("yes-end");
        assertThat(text("booking-notice")).isEqualTo(t("booking.ended"));
        assertThat(scene.booking(code).path("status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void with_the_booking_code_a_visitor_cancels_a_later_booking() {
        tap("book");
        tap("when-later");
        tap("length-30");
        // the day's last hour: a start that has not begun, so the booking can still be cancelled
        tap(lastButton("hour-"));
        tap(lastButton("room-" + scene.equippedRoom + "-at-"));
        tap("confirm");
        String code = shownCode();
        tap("finish");

        tap("have-booking");
        typeCode(code);
        tap("show-booking");
        tap("cancel");
        tap("yes-cancel");

        assertThat(text("booking-notice")).isEqualTo(t("booking.cancelled"));
        assertThat(scene.booking(code).path("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void cancel_and_end_ask_first_and_the_big_button_keeps_the_booking_as_it_was() {
        String later = scene.bookNowElsewhere(scene.equippedRoom, 30).path("code").asText();
        String now = bookNow(scene.bareRoom);
        tap("finish");

        tap("have-booking");
        typeCode(later);
        tap("show-booking");
        tap("cancel");
        assertThat(screen()).isEqualTo("ask");
        assertThat(text("screen-heading")).isEqualTo(t("ask.cancel.heading"));
        assertThat(_get(com.vaadin.flow.component.html.NativeButton.class, spec -> spec.withId("keep-booking")).getClassNames())
                .as("the big button is the safe one").contains("primary");
        assertThat(_get(com.vaadin.flow.component.html.NativeButton.class, spec -> spec.withId("yes-cancel")).getClassNames())
                .doesNotContain("primary");
        tap("keep-booking");
        assertThat(screen()).isEqualTo("booking");
        assertThat(scene.booking(later).path("status").asText()).isEqualTo("CONFIRMED");

        tap("start-again");
        tap("have-booking");
        typeCode(now);
        tap("show-booking");
        Instant end = Instant.parse(scene.booking(now).path("end").asText());
        tap("end");
        assertThat(text("screen-heading")).isEqualTo(t("ask.end.heading"));
        assertThat(text("screen")).contains(t("ask.end.info"));
        tap("keep-booking");
        assertThat(scene.booking(now).path("status").asText()).isEqualTo("CHECKED_IN");
        assertThat(Instant.parse(scene.booking(now).path("end").asText())).isEqualTo(end);
        assertThat(has("end")).isTrue();
    }

    @Test
    void a_scanned_receipt_opens_its_booking_with_the_check_in_button() {
        String code = scene.bookNowElsewhere(scene.equippedRoom, 30).path("code").asText();

        typeOnTheKeyboard(code, 8);

        assertThat(screen()).isEqualTo("booking");
        assertThat(text("booking-code")).contains(code);
        tap("check-in");
        assertThat(scene.booking(code).path("status").asText()).isEqualTo("CHECKED_IN");
    }

    @Test
    void a_scan_of_a_paper_that_is_no_booking_gets_a_plain_message_and_counts_as_a_wrong_code() {
        String code = scene.bookNowElsewhere(scene.equippedRoom, 30).path("code").asText();
        tap("book");

        typeOnTheKeyboard("6410405082657", 8);
        assertThat(screen()).isEqualTo("code");
        assertThat(text("code-notice")).isEqualTo(t("scan.wrong"));
        for (int i = 0; i < 10; i++) {
            typeOnTheKeyboard("ABC-DEF-GHJ", 8);
            assertThat(text("code-notice")).isEqualTo(t("scan.wrong"));
        }
        // the eleventh is slowed down as an eleventh wrong typed code would be, and staff are told
        typeOnTheKeyboard("ABC-DEF-GHJ", 8);
        assertThat(scene.adminGet("/api/v1/alerts?siteId=" + scene.siteId).toString())
                .as("ten wrong scans count as ten wrong codes").contains("\"code\":\"CODES_GUESSED\"").contains("\"attempts\":10");
        // but a right one still opens its booking
        typeOnTheKeyboard(code, 8);
        assertThat(screen()).isEqualTo("booking");
    }

    @Test
    void keys_typed_by_hand_are_not_a_scan() {
        String code = scene.bookNowElsewhere(scene.equippedRoom, 30).path("code").asText();

        typeOnTheKeyboard(code, 300);

        assertThat(screen()).isEqualTo("start");
        assertThat(has("code-notice")).isFalse();
    }

    @Test
    void on_the_card_screen_the_keys_belong_to_the_card_reader() {
        String code = scene.bookNowElsewhere(scene.equippedRoom, 30).path("code").asText();
        scene.requireCard(2);
        tap("book");
        tap("when-now");
        tap("room-" + scene.bareRoom + "-for-30");
        tap("confirm");
        assertThat(screen()).isEqualTo("card");

        typeOnTheKeyboard(code, 8);

        assertThat(screen()).isEqualTo("card");
    }

    @Test
    void the_keypad_deletes_and_waits_for_all_nine_characters() {
        tap("have-booking");
        typeCode("ABC");
        tap("key-delete");
        assertThat(text("typed-code")).isEqualTo("AB_-___-___");
        assertThat(_get(com.vaadin.flow.component.html.NativeButton.class, spec -> spec.withId("show-booking")).isEnabled()).isFalse();
    }

    @Test
    void a_wrong_code_gets_a_plain_message_that_does_not_tell_whether_a_booking_exists() {
        tap("have-booking");
        typeCode("ABCDEFGHJ");
        tap("show-booking");

        assertThat(screen()).isEqualTo("code");
        assertThat(text("code-notice")).isEqualTo(t("code.wrong"));
        assertThat(text("typed-code")).isEqualTo("___-___-___");
    }

    @Test
    void after_a_prankster_typed_many_wrong_codes_the_next_visitors_right_code_still_opens_the_booking() {
        String code = bookNow(scene.equippedRoom);
        tap("finish");
        tap("have-booking");
        for (int i = 0; i < 12; i++) {
            typeCode("ABCDEFGHJ");
            tap("show-booking");
            // slower after the tenth (each try waits for its turn), but never locked
            assertThat(text("code-notice")).isEqualTo(t("code.wrong"));
        }
        typeCode(code);
        tap("show-booking");
        assertThat(screen()).isEqualTo("booking");
        assertThat(text("booking-state")).contains(t("booking.state.checked-in"));
    }

    @Test
    void help_is_on_every_screen_and_back_returns_to_where_the_visitor_was() {
        tap("book");
        tap("when-now");
        assertThat(screen()).isEqualTo("rooms");

        tap("ask-help");
        assertThat(screen()).isEqualTo("help");
        tap("help-back");

        assertThat(screen()).isEqualTo("rooms");
        assertThat(scene.openHelpCalls().size()).isEqualTo(1);
    }

    @Test
    void after_the_idle_time_the_kiosk_asks_and_one_tap_goes_on() {
        tap("book");
        clock.advance(Duration.ofSeconds(IDLE_SECONDS - 1));
        view().tick();
        assertThat(screen()).isEqualTo("when");

        clock.advance(Duration.ofSeconds(2));
        view().tick();
        assertThat(screen()).isEqualTo("still-here");
        assertThat(text("screen-heading")).isEqualTo(t("idle.heading"));

        tap("still-here");
        assertThat(screen()).isEqualTo("when");
    }

    @Test
    void nobody_answering_the_idle_question_starts_over_with_nothing_left_behind() {
        String code = bookNow(scene.equippedRoom);
        tap("finish");
        tap("lang-ar");
        tap("larger-text");
        tap("have-booking");
        typeCode(code);
        tap("show-booking");
        assertThat(screen()).isEqualTo("booking");

        clock.advance(Duration.ofSeconds(IDLE_SECONDS));
        view().tick();
        assertThat(screen()).isEqualTo("still-here");
        clock.advance(Duration.ofSeconds(STILL_HERE_SECONDS));
        view().tick();

        assertThat(screen()).isEqualTo("start");
        assertThat(view().language()).isEqualTo(Language.FI);
        assertThat(view().getElement().getAttribute("dir")).isEqualTo("ltr");
        assertThat(UI.getCurrent().getElement().getClassList()).doesNotContain("large-text");
        assertThat(UI.getCurrent().getElement().getTextRecursively()).doesNotContain(code).doesNotContain("Room 1");
    }

    @Test
    void a_lost_server_shows_the_calm_screen_which_recovers_by_itself() throws Exception {
        useServer(URI.create("http://localhost:" + KioskServerProcess.freePort()));
        tap("book");
        tap("when-now");

        assertThat(screen()).isEqualTo("broken");
        assertThat(text("screen-heading")).isEqualTo(t("broken.heading"));
        assertThat(view().getElement().getTextRecursively()).doesNotContain("Exception").doesNotContain("http");

        view().tick();
        assertThat(screen()).isEqualTo("broken");
        useServer(scene.server);
        clock.advance(Duration.ofSeconds(6));
        view().tick();
        assertThat(screen()).isEqualTo("start");
    }

    @Test
    void a_kiosk_whose_token_is_refused_shows_the_calm_screen_until_it_is_set_right() {
        useServer(scene.server, "ki_not-the-kiosk-token-000000000");
        tap("book");
        tap("when-now");
        assertThat(screen()).isEqualTo("broken");

        clock.advance(Duration.ofSeconds(6));
        view().tick();
        assertThat(screen()).isEqualTo("broken");

        useServer(scene.server);
        clock.advance(Duration.ofSeconds(6));
        view().tick();
        assertThat(screen()).isEqualTo("start");
    }

    @Test
    void arabic_runs_right_to_left_and_every_language_names_itself() {
        tap("lang-ar");
        assertThat(view().getElement().getAttribute("dir")).isEqualTo("rtl");
        assertThat(text("screen-heading")).isEqualTo("مرحبًا. ماذا تريد أن تفعل؟");
        for (Language language : Language.values()) {
            assertThat(text("lang-" + language.tag())).isEqualTo(language.ownName());
        }
        tap("lang-fi");
        assertThat(view().getElement().getAttribute("dir")).isEqualTo("ltr");
        assertThat(text("screen-heading")).isEqualTo("Hei. Mitä haluat tehdä?");
    }

    @Test
    void larger_text_and_strong_colours_are_toggles_on_every_screen() {
        tap("larger-text");
        tap("high-contrast");
        assertThat(UI.getCurrent().getElement().getClassList()).contains("large-text", "high-contrast");
        tap("book");
        assertThat(has("larger-text")).isTrue();
        tap("high-contrast");
        assertThat(UI.getCurrent().getElement().getClassList()).doesNotContain("high-contrast");
    }
}
