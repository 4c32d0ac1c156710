package fi.suoja.ui;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * kiosk-ui opens the kiosk page once as it starts (UiMain's WarmedBoot), over its own port, so
 * that the first visitor's page is not the one that loads Vaadin and the kiosk's screens. Started
 * here as UiMain starts it, against a real kiosk-server.
 */
class WarmUpTest {

    private UiMain.WarmedBoot ui;

    @AfterEach
    void stop() {
        if (ui != null) {
            ui.stop("warm-up test done");
        }
        System.clearProperty("suoja.server.url");
        System.clearProperty("suoja.kiosk.token");
    }

    private URI start(URI server, String kioskToken) throws Exception {
        int port = KioskServerProcess.freePort();
        ui = LocalUi.startWarmed(server, kioskToken, port);
        return URI.create("http://localhost:" + port + "/");
    }

    @Test
    void started_as_uimain_starts_it_it_has_opened_the_kiosk_start_screen_once_and_visitors_still_get_their_own() throws Exception {
        TestScene scene = TestScene.create();
        URI base = start(scene.server, scene.kioskToken);

        assertThat(ui.warmed).as("the warm-up's page, opened while starting").isNotNull();
        assertThat(ui.warmed.screen()).isEqualTo("start");
        assertThat(WarmUp.warming()).as("warming, once started").isFalse();
        assertThat(health(base)).isEqualTo("200 {\"status\":\"UP\",\"kioskServer\":\"UP\"}");

        // a visitor's page after it is a page of its own, on the start screen too
        WarmUp.Result visitor = WarmUp.openKioskOnce(base);
        assertThat(visitor.screen()).isEqualTo("start");
    }

    @Test
    void while_it_warms_up_its_health_is_down_so_that_nothing_sends_visitors_to_it_yet() throws Exception {
        TestScene scene = TestScene.create();
        URI base = start(scene.server, scene.kioskToken);
        WarmUp.warming(true);
        try {
            assertThat(health(base)).isEqualTo("503 {\"status\":\"DOWN\",\"kioskUi\":\"STARTING\",\"kioskServer\":\"UP\"}");
        } finally {
            WarmUp.warming(false);
        }
        assertThat(health(base)).startsWith("200 ");
    }

    private static String health(URI base) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("health")).build(),
                HttpResponse.BodyHandlers.ofString());
        return answer.statusCode() + " " + answer.body();
    }

    @Test
    void a_kiosk_ui_started_before_its_kiosk_server_still_starts_and_its_page_says_the_kiosk_does_not_work() throws Exception {
        URI nobody = URI.create("http://127.0.0.1:" + KioskServerProcess.freePort() + "/");
        URI base = start(nobody, "ki_" + "x".repeat(40));

        assertThat(ui.warmed).as("the warm-up still opened the page").isNotNull();
        assertThat(ui.warmed.screen()).as("what a visitor would see with no kiosk server").isEqualTo("broken");
        assertThat(WarmUp.warming()).isFalse();
        assertThat(health(base)).isEqualTo("503 {\"status\":\"DOWN\",\"kioskServer\":\"UNREACHABLE\"}");
        assertThat(WarmUp.openKioskOnce(base).screen()).isEqualTo("broken");
    }

    @Test
    void something_that_is_not_a_kiosk_page_is_reported_as_such() throws Exception {
        TestScene scene = TestScene.create();
        // kiosk-server's own API answers, but no Vaadin page: the warm-up says which step failed
        assertThatThrownBy(() -> WarmUp.openKioskOnce(scene.server.resolve("/api/v1/")))
                .isInstanceOf(IOException.class).hasMessageContaining("answered with HTTP");
        assertThatThrownBy(() -> WarmUp.screen("for(;;);[{\"meta\":{\"sessionExpired\":true},\"syncId\":-1}]"))
                .isInstanceOf(IOException.class).hasMessageContaining("sessionExpired");
        assertThatThrownBy(() -> WarmUp.screen("<html>"))
                .isInstanceOf(IOException.class).hasMessageContaining("not answered with a UIDL message");
    }
}
