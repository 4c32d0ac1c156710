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
}
