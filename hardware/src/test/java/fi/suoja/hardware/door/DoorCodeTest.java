package fi.suoja.hardware.door;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DoorCodeTest {

    @Test
    void a_door_code_never_prints_its_digits() {
        DoorCode code = new DoorCode("482915");

        assertThat(code.toString()).isEqualTo("DoorCode[6 digits]").doesNotContain("482915");
        assertThat("lock got " + code).doesNotContain("482915");
        assertThat(code.digits()).isEqualTo("482915");
    }

    @Test
    void a_door_code_has_four_to_eight_digits_and_nothing_else() {
        assertThat(new DoorCode("1234").digits()).hasSize(4);
        assertThat(new DoorCode("12345678").digits()).hasSize(8);
        assertThatIllegalArgumentException().isThrownBy(() -> new DoorCode("123"));
        assertThatIllegalArgumentException().isThrownBy(() -> new DoorCode("123456789"));
        assertThatIllegalArgumentException().isThrownBy(() -> new DoorCode("12a456"));
        assertThatIllegalArgumentException().isThrownBy(() -> new DoorCode(null));
    }
}
