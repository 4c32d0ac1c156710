package fi.suoja.server.booking;

import fi.suoja.server.Api;
import fi.suoja.server.MutableClock;
import fi.suoja.server.PostgresSchema;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Two server instances on one PostgreSQL database, as a city would run them, racing for one room. */
@Tag("postgres")
class ConcurrentBookingOnPostgresTest {

    static EmbeddedServer first;
    static EmbeddedServer second;

    @BeforeAll
    static void twoInstances() {
        Map<String, Object> properties = new HashMap<>(PostgresSchema.fresh("race"));
        properties.put("micronaut.server.port", -1);
        first = ApplicationContext.run(EmbeddedServer.class, properties, "test");
        second = ApplicationContext.run(EmbeddedServer.class, properties, "test");
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
    }

    @Test
    void of_clients_racing_through_two_server_instances_exactly_one_wins() throws Exception {
        for (EmbeddedServer server : List.of(first, second)) {
            server.getApplicationContext().getBean(MutableClock.class)
                    .set(BookingScenarios.at(BookingScenarios.TODAY, "10:00"));
        }
        Api one = new Api(first);
        Api two = new Api(second);
        String admin = one.loginAdmin();
        long site = one.createSite(admin, "Race library", Api.rules());
        long room = one.createRoom(admin, site, "Contested", "08:00", "20:00");
        List<String> kiosks = List.of(one.kioskToken(admin, site, "k1"), one.kioskToken(admin, site, "k2"));

        for (int round = 0; round < 3; round++) {
            var twelve = BookingScenarios.at(BookingScenarios.TODAY.plusDays(round), "12:00");
            Race.Result result = Race.run(List.of(one, two), kiosks, room, twelve, 64);
            System.out.println("PostgreSQL two-instance race round " + round + ": " + result);
            assertThat(result.other()).isEmpty();
            assertThat(result.created()).isEqualTo(1);
            assertThat(result.conflicts()).isEqualTo(63);
        }
        DataSource dataSource = first.getApplicationContext().getBean(DataSource.class);
        assertThat(Race.overlapsInDatabase(dataSource, room)).isZero();
        assertThat(Race.bookingsInDatabase(dataSource, room)).isEqualTo(3);
    }
}
