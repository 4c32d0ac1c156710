package fi.suoja.ui.health;

import com.sun.net.httpserver.HttpServer;
import fi.suoja.ui.KioskServerProcess;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/** What the kiosk UI's health says of its kiosk server; the answer itself, through Jetty, is in WebHeadersTest. */
class UiHealthTest {

    @Test
    void a_kiosk_server_that_answers_its_health_with_503_is_down() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/health", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
            assertThat(new UiHealth().kioskServer(url)).isEqualTo("DOWN");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void a_kiosk_server_that_cannot_be_reached_is_unreachable() throws Exception {
        URI nobody = URI.create("http://127.0.0.1:" + KioskServerProcess.freePort());
        assertThat(new UiHealth().kioskServer(nobody)).isEqualTo("UNREACHABLE");
    }
}
