package fi.suoja.ui;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KioskConfigTest {

    @Test
    void defaults_suit_one_box_with_the_server_beside_the_kiosk() {
        KioskConfig config = KioskConfig.from(Map.of(), name -> null);

        assertSettings(config, "http://localhost:8081", "", 90, 30, 45, 8080);
    }

    @Test
    void environment_variables_set_it_and_system_properties_win() {
        Map<String, String> env = Map.of("SUOJA_SERVER_URL", "http://server:9000", "SUOJA_KIOSK_TOKEN", "ki_from-env",
                "SUOJA_IDLE_SECONDS", "45", "SUOJA_STILL_HERE_SECONDS", "15", "SUOJA_DONE_SECONDS", "20", "SUOJA_UI_PORT", "9090");

        KioskConfig config = KioskConfig.from(env, name -> name.equals("suoja.kiosk.token") ? "ki_from-property" : null);

        assertSettings(config, "http://server:9000", "ki_from-property", 45, 15, 20, 9090);
    }

    @Test
    void an_idle_time_of_zero_is_refused() {
        assertThatThrownBy(() -> KioskConfig.from(Map.of("SUOJA_IDLE_SECONDS", "0"), name -> null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertSettings(KioskConfig config, String serverUrl, String kioskToken, int idleSeconds,
                                       int stillHereSeconds, int doneSeconds, int port) {
        assertThat(config.serverUrl()).isEqualTo(URI.create(serverUrl));
        assertThat(config.kioskToken()).isEqualTo(kioskToken);
        assertThat(config.idleSeconds()).isEqualTo(idleSeconds);
        assertThat(config.stillHereSeconds()).isEqualTo(stillHereSeconds);
        assertThat(config.doneSeconds()).isEqualTo(doneSeconds);
        assertThat(config.port()).isEqualTo(port);
    }
}
