package fi.suoja.hardware.card;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CardFormatTest {

    private final CardFormat library = CardFormat.digits(10, 14);

    @Test
    void stray_characters_from_typing_and_from_readers_are_dropped() {
        assertThat(library.read(" 2000 1234 5678 ")).isEqualTo(accepted("200012345678"));
        assertThat(library.read(";200012345678?\r\n")).isEqualTo(accepted("200012345678"));
        assertThat(library.read("2000-1234-5678\t")).isEqualTo(accepted("200012345678"));
    }

    @Test
    void lengths_outside_the_range_are_rejected_with_a_reason() {
        assertThat(library.read("123456789")).isEqualTo(new CardRead.Rejected("too short for a card number"));
        assertThat(library.read("123456789012345")).isEqualTo(new CardRead.Rejected("too long for a card number"));
        assertThat(library.read(" \r\n")).isEqualTo(new CardRead.Rejected("nothing was read"));
        assertThat(library.read(null)).isEqualTo(new CardRead.Rejected("nothing was read"));
    }

    @Test
    void letters_are_upper_cased_where_allowed_and_rejected_where_not() {
        assertThat(new CardFormat(6, 12, true).read("ab12cd34")).isEqualTo(accepted("AB12CD34"));
        assertThat(library.read("20001234567X")).isEqualTo(new CardRead.Rejected("a card number has digits only"));
    }

    @Test
    void the_format_and_numbers_say_what_is_wrong_and_numbers_stay_out_of_logs() {
        assertThatIllegalArgumentException().isThrownBy(() -> new CardFormat(12, 10, false)).withMessageContaining("min <= max");
        assertThatIllegalArgumentException().isThrownBy(() -> new CardNumber("12 34")).withMessageContaining("letters and digits");
        assertThat(new CardNumber("200012345678").toString()).doesNotContain("20001234").endsWith("5678]");
    }

    static CardRead accepted(String number) {
        return new CardRead.Accepted(new CardNumber(number));
    }
}
