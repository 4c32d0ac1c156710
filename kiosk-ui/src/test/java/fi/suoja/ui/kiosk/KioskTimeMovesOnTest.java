package fi.suoja.ui.kiosk;

import com.fasterxml.jackson.databind.JsonNode;
import fi.suoja.ui.OwnServer;
import fi.suoja.ui.TestScene;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's clock moves on while a visitor stays on the confirm screen (waiting for staff after
 * asking for help, say, or looking for a library card): the start shown there passes. The kiosk
 * asked for that start again on every tap of "Book", and the server refused it as past every time.
 */
class KioskTimeMovesOnTest extends KaribuKiosk {

    private static final Duration LONG_WAIT = Duration.ofMinutes(11);

    @RegisterExtension
    static final OwnServer SERVER = OwnServer.withOffsetClock();

    @Override
    TestScene newScene() {
        return SERVER.newScene();
    }

    @Test
    void a_room_for_now_whose_start_passed_on_the_confirm_screen_is_offered_from_now_and_booked_on_the_next_tap() {
        tap("book");
        tap("when-now");
        tap("room-" + scene.equippedRoom + "-for-30");
        String shown = text("confirm-time");
        Instant now = scene.advanceServerClock(LONG_WAIT);

        tap("confirm");

        assertThat(screen()).as("the visitor checks the new time first").isEqualTo("confirm");
        assertThat(text("confirm-notice")).isEqualTo(t("problem.moved"));
        assertThat(text("confirm-time")).as("the times on the confirm screen").isNotEqualTo(shown);

        tap("confirm");

        assertThat(screen()).isEqualTo("done");
        JsonNode booking = scene.booking(shownCode());
        Instant start = Instant.parse(booking.path("start").asText());
        assertThat(start).as("the booking's start, the server's clock being " + now)
                .isAfter(now.minus(Duration.ofMinutes(5))).isBeforeOrEqualTo(now);
        assertThat(Duration.between(start, Instant.parse(booking.path("end").asText()))).isEqualTo(Duration.ofMinutes(30));
        assertThat(booking.path("status").asText()).as("a booking for now made at the kiosk").isEqualTo("CHECKED_IN");
    }

    @Test
    void a_library_card_given_before_the_start_passed_is_not_asked_for_again() {
        scene.requireCard(1);
        view().startOver();
        chooseNowFor30(scene.equippedRoom);
        assertThat(screen()).isEqualTo("card");
        scene.advanceServerClock(LONG_WAIT);
        typeCard("1234567890");

        tap("card-book");

        assertThat(screen()).isEqualTo("confirm");
        assertThat(text("confirm-notice")).isEqualTo(t("problem.moved"));
        tap("confirm");
        assertThat(screen()).as("booked without the card screen again").isEqualTo("done");
        String code = shownCode();
        assertThat(scene.booking(code).path("libraryCardGiven").asBoolean()).isTrue();
    }

    @Test
    void a_room_taken_by_then_is_not_offered_again_and_the_visitor_chooses_from_what_is_free_now() {
        tap("book");
        tap("when-now");
        tap("room-" + scene.equippedRoom + "-for-30");
        scene.advanceServerClock(LONG_WAIT);
        JsonNode taken = scene.bookNowElsewhere(scene.equippedRoom, 30);

        tap("confirm");

        assertThat(screen()).as("the rooms free now, asked again").isEqualTo("rooms");
        assertThat(text("choice-notice")).isEqualTo(t("problem.rule"));
        assertThat(has("room-" + scene.equippedRoom + "-for-30")).isFalse();
        assertThat(has("room-" + scene.bareRoom + "-for-30")).isTrue();
        assertThat(scene.booking(taken.path("code").asText()).path("status").asText())
                .as("the booking made meanwhile").isEqualTo("CONFIRMED");
    }
}
