package fi.suoja.server.booking;

import fi.suoja.server.Api;
import fi.suoja.server.ServerScene;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class ConcurrentBookingOnH2Test extends ServerScene {

    @Inject
    DataSource dataSource;

    @Test
    void of_many_clients_racing_for_one_room_exactly_one_wins_and_the_rest_get_409() throws Exception {
        clock.set(BookingScenarios.at(BookingScenarios.TODAY, "10:00"));
        Api api = new Api(server);
        String admin = api.loginAdmin();
        long site = api.createSite(admin, "Race library", Api.rules());
        long room = api.createRoom(admin, site, "Contested", "08:00", "20:00");
        List<String> kiosks = List.of(api.kioskToken(admin, site, "k1"), api.kioskToken(admin, site, "k2"),
                api.kioskToken(admin, site, "k3"), api.kioskToken(admin, site, "k4"));

        for (int round = 0; round < 3; round++) {
            var twelve = BookingScenarios.at(BookingScenarios.TODAY.plusDays(round), "12:00");
            Race.Result result = Race.run(List.of(api), kiosks, room, twelve, 48);
            System.out.println("H2 race round " + round + ": " + result);
            assertThat(result.other()).isEmpty();
            assertThat(result.created()).isEqualTo(1);
            assertThat(result.conflicts()).isEqualTo(47);
        }
        assertThat(Race.overlapsInDatabase(dataSource, room)).isZero();
        assertThat(Race.bookingsInDatabase(dataSource, room)).isEqualTo(3);
    }
}
