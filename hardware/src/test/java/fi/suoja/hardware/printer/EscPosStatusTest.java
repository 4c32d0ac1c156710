package fi.suoja.hardware.printer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EscPosStatusTest {

    @Test
    void the_paper_sensor_byte_says_out_of_paper_only_when_the_paper_end_bits_are_set() {
        assertThat(EscPos.paperOut(0x12)).contains(false);   // paper present
        assertThat(EscPos.paperOut(0x1E)).contains(false);   // near end: still prints
        assertThat(EscPos.paperOut(0x72)).contains(true);    // paper end
        assertThat(EscPos.paperOut(0x7E)).contains(true);    // near end and end
    }

    @Test
    void a_byte_without_the_fixed_bits_of_a_status_is_no_status() {
        assertThat(EscPos.paperOut(0x00)).isEmpty();
        assertThat(EscPos.paperOut(0xFF)).isEmpty();
        assertThat(EscPos.paperOut('A')).isEmpty();
    }
}
