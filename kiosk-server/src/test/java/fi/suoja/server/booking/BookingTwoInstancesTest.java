package fi.suoja.server.booking;

import fi.suoja.server.Api;
import fi.suoja.server.LibraryScene;
import fi.suoja.server.MutableClock;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static fi.suoja.server.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What staff change on one server instance holds for the very next booking made through another
 * instance on the same database: rules, weekly hours, exception days, a room taken out of use, a
 * kiosk switched off. Each booking reads its room, rules and hours in its own transaction, and the
 * kiosk's token on every request; nothing is kept in memory between requests.
 */
class BookingTwoInstancesTest {

    static final LocalDate TODAY = LibraryScene.TODAY;

    @TempDir
    Path dir;

    EmbeddedServer staffSide;
    EmbeddedServer kioskSide;
    Api staffApi;
    Api kioskApi;
    String admin;
    String kiosk;
    long kioskId;
    long site;
    long room;

    /** The datasource both instances share. */
    Map<String, String> database() {
        // The same H2 file opened twice in one JVM is one database, as PostgreSQL would be for two machines.
        return Map.of("datasources.default.url", "jdbc:h2:file:" + dir.resolve("shared") + ";DATABASE_TO_LOWER=TRUE;LOCK_TIMEOUT=10000");
    }

    @BeforeEach
    void twoInstances() {
        Map<String, Object> properties = new HashMap<>(database());
        properties.put("micronaut.server.port", -1);
        staffSide = ApplicationContext.run(EmbeddedServer.class, properties, "test");
        kioskSide = ApplicationContext.run(EmbeddedServer.class, properties, "test");
        for (EmbeddedServer server : List.of(staffSide, kioskSide)) {
            server.getApplicationContext().getBean(MutableClock.class).set(LibraryScene.at(TODAY, "10:00"));
        }
        staffApi = new Api(staffSide);
        kioskApi = new Api(kioskSide);
        Api.Library library = staffApi.library(Api.rules());
        admin = library.admin();
        kiosk = library.kiosk();
        kioskId = library.kioskId();
        site = library.siteId();
        room = staffApi.createRoom(admin, site, "Room A", "08:00", "20:00");
        // The kiosk's instance has read the room and its rules once already.
        expect(201, book(TODAY, "11:00", 30));
    }

    @AfterEach
    void stop() {
        kioskSide.close();
        staffSide.close();
    }

    Api.Answer book(LocalDate day, String time, int minutes) {
        Instant start = LibraryScene.at(day, time);
        return kioskApi.post("/api/v1/bookings", kiosk, Map.of("roomId", room, "start", start.toString(), "minutes", minutes));
    }

    static String rule(Api.Answer refused) {
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        return refused.string("rule");
    }

    @Test
    void changed_rules_hold_for_the_next_booking_on_the_other_instance() {
        expect(200, staffApi.put("/api/v1/sites/" + site + "/rules", admin, Api.rules("maxBookingMinutes", 30)));
        assertThat(rule(book(TODAY, "14:00", 60))).isEqualTo("too-long");

        expect(200, staffApi.put("/api/v1/sites/" + site + "/rules", admin, Api.rules("maxBookingMinutes", 60)));
        expect(201, book(TODAY, "14:00", 60));
    }

    @Test
    void changed_hours_and_exception_days_hold_for_the_next_booking_on_the_other_instance() {
        List<Map<String, String>> mornings = Arrays.stream(java.time.DayOfWeek.values())
                .map(d -> Map.of("weekday", d.name(), "opens", "08:00", "closes", "13:00")).toList();
        expect(200, staffApi.put("/api/v1/rooms/" + room + "/hours", admin, mornings));
        assertThat(rule(book(TODAY, "15:00", 30))).isEqualTo("outside-opening-hours");

        LocalDate tomorrow = TODAY.plusDays(1);
        expect(200, staffApi.put("/api/v1/rooms/" + room + "/exceptions/" + tomorrow, admin, Map.of("closed", true)));
        assertThat(rule(book(tomorrow, "09:00", 30))).isEqualTo("closed");

        expect(200, staffApi.put("/api/v1/rooms/" + room + "/exceptions/" + tomorrow, admin,
                Map.of("closed", false, "opens", "14:00", "closes", "18:00")));
        assertThat(rule(book(tomorrow, "09:00", 30))).isEqualTo("outside-opening-hours");
        expect(201, book(tomorrow, "15:00", 30));

        expect(200, staffApi.delete("/api/v1/rooms/" + room + "/exceptions/" + tomorrow, admin));
        expect(201, book(tomorrow, "09:00", 30));
    }

    @Test
    void a_room_taken_out_of_use_and_a_kiosk_switched_off_are_refused_at_once_on_the_other_instance() {
        expect(200, staffApi.put("/api/v1/rooms/" + room, admin, Map.of("name", "Room A", "place", "2nd floor",
                "capacity", 2, "stepFree", true, "equipment", List.of(), "doorLockId", "lock-Room A", "keypad", true,
                "active", false)));
        assertThat(rule(book(TODAY, "14:00", 30))).isEqualTo("room-not-in-use");

        expect(200, staffApi.post("/api/v1/kiosks/" + kioskId + "/revoke", admin, null));
        Api.Answer refused = book(TODAY, "14:00", 30);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.problem()).isEqualTo("urn:suoja:problem:not-logged-in");
    }
}
