package fi.suoja.server;

import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static fi.suoja.server.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

/** The default H2 database is a file: what was booked is still there after the server restarts. */
class RestartTest {

    @TempDir
    Path dir;

    private EmbeddedServer start() {
        return H2FileServer.start(dir, Map.of());
    }

    @Test
    void bookings_accounts_and_rooms_survive_a_restart_on_the_h2_file() {
        String code;
        long roomId;
        try (EmbeddedServer server = start()) {
            Api api = new Api(server);
            String admin = api.loginAdmin();
            long site = api.createSite(admin, "Restart library", Api.rules());
            roomId = api.createRoom(admin, site, "Room R", "08:00", "20:00");
            String kiosk = api.kioskToken(admin, site, "Lobby");
            code = expect(201, api.post("/api/v1/bookings", kiosk,
                    Map.of("roomId", roomId, "start", "2026-11-24T10:00:00Z", "minutes", 60))).string("code");
        }
        assertThat(dir.resolve("suoja.mv.db")).exists();

        try (EmbeddedServer server = start()) {
            Api api = new Api(server);
            String admin = api.loginAdmin();
            Api.Answer booking = expect(200, api.get("/api/v1/bookings/" + code, admin));
            assertThat(booking.string("status")).isEqualTo("CONFIRMED");
            assertThat(booking.number("roomId")).isEqualTo(roomId);
            assertThat(api.post("/api/v1/bookings", admin,
                    Map.of("roomId", roomId, "start", "2026-11-24T10:30:00Z", "minutes", 30)).status()).isEqualTo(409);
        }
    }
}
