package fi.suoja.hardware.card;

import fi.suoja.hardware.Registration;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class KeyboardWedgeTest {

    private final KeyboardWedge wedge = new KeyboardWedge(CardFormat.digits(10, 14));
    private final List<CardNumber> cards = new ArrayList<>();

    @Test
    void a_reader_typing_the_number_and_enter_key_by_key_delivers_the_card_once() {
        wedge.onCard(cards::add);

        List<Optional<CardRead>> answers = new ArrayList<>();
        for (char c : ";200012345678?\r".toCharArray()) {
            answers.add(wedge.key(c));
        }

        assertThat(answers.subList(0, answers.size() - 1)).allMatch(Optional::isEmpty);
        assertThat(answers.get(answers.size() - 1)).contains(CardFormatTest.accepted("200012345678"));
        assertThat(cards).containsExactly(new CardNumber("200012345678"));
    }

    @Test
    void the_field_value_on_enter_gives_the_same_answer_and_a_bad_value_reaches_no_listener() {
        Registration registration = wedge.onCard(cards::add);

        assertThat(wedge.enter("2000 1234 5678")).isEqualTo(CardFormatTest.accepted("200012345678"));
        assertThat(wedge.enter("12")).isInstanceOf(CardRead.Rejected.class);
        registration.remove();
        wedge.enter("200012345679");

        assertThat(cards).containsExactly(new CardNumber("200012345678"));
    }

    @Test
    void each_enter_starts_a_new_number() {
        wedge.onCard(cards::add);

        for (char c : "2000123456\n2000654321\n".toCharArray()) {
            wedge.key(c);
        }

        assertThat(cards).extracting(CardNumber::value).containsExactly("2000123456", "2000654321");
    }

    @Test
    void a_scanner_typing_fast_is_read_and_what_a_hand_typed_before_is_dropped() {
        KeyboardWedge scanner = new KeyboardWedge(new CardFormat(9, 9, true), java.time.Duration.ofMillis(100));
        long at = 1_000;
        for (char c : "X7".toCharArray()) {
            assertThat(scanner.key(c, at += 400)).isEmpty();
        }

        List<Optional<CardRead>> answers = new ArrayList<>();
        at += 5_000;
        for (char c : "k7m-4px-zq2\r".toCharArray()) {
            answers.add(scanner.key(c, at += 8));
        }

        assertThat(answers.get(answers.size() - 1)).contains(CardFormatTest.accepted("K7M4PXZQ2"));
    }

    @Test
    void an_enter_after_a_pause_reads_nothing_and_a_slow_hand_never_makes_a_scan() {
        KeyboardWedge scanner = new KeyboardWedge(new CardFormat(9, 9, true), java.time.Duration.ofMillis(100));
        long at = 0;
        for (char c : "K7M4PXZQ2".toCharArray()) {
            scanner.key(c, at += 10);
        }
        assertThat(scanner.key('\r', at + 101)).as("Enter long after the last key").isEmpty();

        Optional<CardRead> slow = Optional.empty();
        for (char c : "K7M4PXZQ2\r".toCharArray()) {
            slow = scanner.key(c, at += 250);
        }
        assertThat(slow).as("typed by hand, a key a quarter of a second").isEmpty();
        assertThat(scanner.key('\r', at + 5)).isEmpty();
    }

    @Test
    void a_fast_scan_that_is_not_the_right_length_is_read_and_refused() {
        KeyboardWedge scanner = new KeyboardWedge(new CardFormat(9, 9, true), java.time.Duration.ofMillis(100));
        Optional<CardRead> read = Optional.empty();
        long at = 0;
        for (char c : "6410405082657\n".toCharArray()) {
            read = scanner.key(c, at += 5);
        }
        assertThat(read).hasValueSatisfying(r -> assertThat(r).isInstanceOf(CardRead.Rejected.class));
    }
}
