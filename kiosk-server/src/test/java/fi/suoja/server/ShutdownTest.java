package fi.suoja.server;

import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static fi.suoja.server.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A normal stop (SIGTERM, as systemd's) of a server that has been working ends quietly: no ERROR, no stack trace. */
@Tag("process")
class ShutdownTest {

    @TempDir
    Path dir;

    @Test
    void a_server_stopped_with_sigterm_after_some_work_exits_without_errors_in_its_log() {
        // the schedules run every 100 ms, so that the stop comes while they work (in production: every 5 s to 1 h)
        ServerProcess server = ServerProcess.start(dir, ServerProcess.with(ServerProcess.h2File(dir),
                "SUOJA_JOBS_DOOR_INTERVAL", "100ms", "SUOJA_JOBS_BOOKING_INTERVAL", "100ms",
                "SUOJA_JOBS_FLEET_INTERVAL", "100ms", "SUOJA_JOBS_HELP_INTERVAL", "100ms"));
        try (server) {
            await("the server's MQTT link to its embedded broker").atMost(Duration.ofSeconds(60))
                    .until(() -> server.logText().contains("Connected to the MQTT broker"));
            Api api = new Api(server.uri(), JsonMapper.createDefault());
            String admin = api.login("admin", ServerProcess.ADMIN_PASSWORD);
            long site = expect(201, api.post("/api/v1/sites", admin, Map.of("name", "Quiet library", "timeZone", "UTC",
                    "rules", Api.rules("maxDaysAhead", 30)))).number("id");
            long room = api.createRoom(admin, site, "Room Q", "08:00", "20:00");
            String kiosk = api.kioskToken(admin, site, "Lobby");
            expect(201, api.post("/api/v1/bookings", kiosk, Map.of("roomId", room,
                    "start", LocalDate.now(ZoneOffset.UTC).plusDays(1).atTime(10, 0).toInstant(ZoneOffset.UTC).toString(),
                    "minutes", 30)));
            expect(201, api.post("/api/v1/devices", admin, Map.of("tag", "Q-LAPTOP", "kind", "LAPTOP", "siteId", site)));

            await("the schedules to have started").atMost(Duration.ofSeconds(60)).pollDelay(Duration.ofSeconds(11))
                    .until(server::alive);

            int exit = server.terminate(Duration.ofSeconds(60));

            // 143 = 128 + SIGTERM: the JVM ran its shutdown hooks (systemd's unit counts it as success)
            assertThat(exit).isIn(0, 143);
        }
        List<String> lines = server.logText().lines().toList();
        System.out.println(server.logText());
        assertThat(lines).as("the server's log (%s)", server.log())
                .noneMatch(line -> line.contains(" ERROR "))
                .noneMatch(line -> line.startsWith("\tat ") || line.contains("Exception:"))
                .anyMatch(line -> line.contains("Connected to the MQTT broker"));
    }
}
