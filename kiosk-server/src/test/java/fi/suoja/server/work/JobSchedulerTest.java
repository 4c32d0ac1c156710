package fi.suoja.server.work;

import fi.suoja.server.Api;
import fi.suoja.server.Eventually;
import fi.suoja.server.MutableClock;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

import static fi.suoja.server.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

/** With its jobs on, as in production, the server does its scheduled work without anyone asking. */
class JobSchedulerTest {

    private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    @TempDir
    Path dir;

    private static Instant at(String time) {
        return ZonedDateTime.of(DAY, LocalTime.parse(time), HELSINKI).toInstant();
    }

    @Test
    void a_booking_nobody_came_for_is_released_by_the_servers_own_job() {
        Map<String, Object> properties = Map.of(
                "micronaut.server.port", -1,
                "datasources.default.url", "jdbc:h2:file:" + dir.resolve("jobs") + ";DATABASE_TO_LOWER=TRUE",
                "suoja.jobs.enabled", true,
                "suoja.jobs.booking-interval", "200ms");
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
            MutableClock clock = server.getApplicationContext().getBean(MutableClock.class);
            clock.set(at("10:00"));
            Api api = new Api(server);
            String admin = api.loginAdmin();
            long site = api.createSite(admin, "Library with jobs", Api.rules());
            long room = api.createRoom(admin, site, "Room J", "08:00", "20:00");
            String code = expect(201, api.post("/api/v1/bookings", admin,
                    Map.of("roomId", room, "start", at("10:30").toString(), "minutes", 60))).string("code");
            assertThat(expect(200, api.get("/api/v1/bookings/" + code, admin)).string("status")).isEqualTo("CONFIRMED");

            clock.set(at("10:50"));

            Eventually.until("the booking job releases the no-show",
                    () -> expect(200, api.get("/api/v1/bookings/" + code, admin)).string("status"),
                    "NO_SHOW"::equals, Duration.ofSeconds(30));
        }
    }
}
