package fi.suoja.hardware.card;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatedCardReaderTest {

    @Test
    void a_swiped_card_reaches_the_listeners_as_a_real_reader_would_deliver_it() {
        SimulatedCardReader reader = new SimulatedCardReader(CardFormat.digits(10, 14));
        List<CardNumber> cards = new ArrayList<>();
        reader.onCard(cards::add);

        assertThat(reader.swipe("%2000123456?")).isInstanceOf(CardRead.Accepted.class);
        assertThat(reader.swipe("bent card")).isInstanceOf(CardRead.Rejected.class);

        assertThat(cards).containsExactly(new CardNumber("2000123456"));
    }
}
