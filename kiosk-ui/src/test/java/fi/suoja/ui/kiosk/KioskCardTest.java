package fi.suoja.ui.kiosk;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.html.NativeButton;
import fi.suoja.hardware.card.SimulatedCardReader;
import fi.suoja.ui.KioskConfig;
import fi.suoja.ui.server.SuojaClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** A library that asks for a library card: typed on the keypad, typed by a keyboard-style reader, or swiped. */
class KioskCardTest extends KaribuKiosk {

    @BeforeEach
    void theLibraryAsksForACard() {
        scene.requireCard(1);
        view().startOver();
    }

    void toTheCardScreen() {
        toTheCardScreen(scene.equippedRoom);
    }

    void toTheCardScreen(long roomId) {
        chooseNowFor30(roomId);
        assertThat(screen()).isEqualTo("card");
    }

    @Test
    void the_card_number_is_typed_on_the_keypad_shown_masked_and_sent_with_the_booking() {
        toTheCardScreen();
        typeCard("1234");
        assertThat(_get(NativeButton.class, spec -> spec.withId("card-book")).isEnabled()).isFalse();
        typeCard("567890");
        assertThat(text("typed-card")).isEqualTo("••••••7890").doesNotContain("123456");

        tap("card-book");

        assertThat(screen()).isEqualTo("done");
        String code = shownCode();
        assertThat(scene.booking(code).path("libraryCardGiven").asBoolean()).isTrue();
    }

    /** A booking with the card, which holds one; then a second booking with the same card, for the other room. */
    void useTheCardUpThenTryItAgain() {
        toTheCardScreen();
        typeCard("1234567890");
        tap("card-book");
        assertThat(screen()).isEqualTo("done");
        tap("finish");
        toTheCardScreen(scene.bareRoom);
        typeCard("1234567890");
        tap("card-book");
    }

    @Test
    void a_card_with_all_its_bookings_used_gets_a_plain_message_and_another_card_can_book() {
        useTheCardUpThenTryItAgain();

        assertThat(screen()).isEqualTo("card");
        assertThat(text("card-notice")).isEqualTo(t("card.limit"));
        assertThat(text("typed-card")).isEqualTo("_");
        typeCard("5555566666");
        tap("card-book");
        assertThat(screen()).isEqualTo("done");
    }

    /** Someone else books the room while the visitor types their card, then the visitor taps "Book". */
    void typeACardForARoomTakenMeanwhile() {
        toTheCardScreen();
        scene.bookNowElsewhere(scene.equippedRoom, 30, "5555500000");
        typeCard("1234567890");
        tap("card-book");
    }

    @Test
    void a_room_taken_while_the_card_was_typed_goes_back_to_the_rooms_free_now() {
        typeACardForARoomTakenMeanwhile();

        assertThat(screen()).isEqualTo("rooms");
        assertThat(text("choice-notice")).isEqualTo(t("problem.taken"));
        assertThat(has("room-" + scene.equippedRoom + "-for-30")).isFalse();
        tap("room-" + scene.bareRoom + "-for-30");
        tap("confirm");
        assertThat(screen()).as("booked with the card already given, not asked for it again").isEqualTo("done");
        String code = shownCode();
        assertThat(scene.booking(code).path("libraryCardGiven").asBoolean()).isTrue();
    }

    @Test
    void a_card_refused_is_not_kept_for_the_next_try() {
        useTheCardUpThenTryItAgain();
        assertThat(text("card-notice")).isEqualTo(t("card.limit"));

        tap("back");
        tap("confirm");

        assertThat(screen()).as("asked for a card again").isEqualTo("card");
    }

    @Test
    void the_next_visitor_is_asked_for_their_own_card() {
        typeACardForARoomTakenMeanwhile();
        assertThat(screen()).isEqualTo("rooms");

        view().startOver();
        chooseNowFor30(scene.bareRoom);

        assertThat(screen()).isEqualTo("card");
    }

    @Test
    void a_swiped_card_books_at_once() {
        SimulatedCardReader reader = new SimulatedCardReader(CardScreen.FORMAT);
        KioskServices.install(new KioskServices(
                new KioskConfig(scene.server, scene.kioskToken, IDLE_SECONDS, STILL_HERE_SECONDS, 0),
                new SuojaClient(scene.server, scene.kioskToken), printer, clock, reader));
        toTheCardScreen();

        reader.swipe(";9876543210?");
        MockVaadin.clientRoundtrip();

        assertThat(screen()).isEqualTo("done");
    }
}
