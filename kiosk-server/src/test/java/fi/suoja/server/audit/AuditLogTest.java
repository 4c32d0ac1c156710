package fi.suoja.server.audit;

import fi.suoja.server.Api;
import fi.suoja.server.LibraryScene;
import fi.suoja.server.booking.BookingJobs;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static fi.suoja.server.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every action of staff and admins leaves one entry naming who did it and from which desk; a
 * refused action leaves none; admins read the log, staff do not; retention erases the bookings
 * the log names.
 */
@MicronautTest(transactional = false)
class AuditLogTest extends LibraryScene {

    static final Instant TEN = Instant.parse("2026-11-24T08:00:00Z");

    @Inject
    BookingJobs jobs;

    long roomId;
    String staffName;
    Api staffDesk;
    String deskStaff;
    String adminName;
    Api adminDesk;
    String deskAdmin;

    @BeforeEach
    void deskAccounts() {
        roomId = api.createRoom(library.admin(), library.siteId(), "Room " + library.unique(), "08:00", "20:00");
        staffName = "desk-staff-" + library.unique();
        staffDesk = api.withHeader("X-Suoja-Desk", "Front desk 2");
        deskStaff = staffDesk.staffToken(library.admin(), staffName);
        adminName = "desk-admin-" + library.unique();
        expect(201, api.post("/api/v1/accounts", library.admin(),
                Map.of("username", adminName, "password", "admin-password-12", "role", "ADMIN")));
        adminDesk = api.withHeader("X-Suoja-Desk", "Back office");
        deskAdmin = adminDesk.login(adminName, "admin-password-12");
    }

    List<Map<String, Object>> entriesOf(String actor) {
        return expect(200, api.get("/api/v1/audit?actor=" + actor + "&from=" + TEN.minus(Duration.ofDays(1)) + "&size=200",
                api.loginAdmin())).list("entries");
    }

    static List<String> actions(List<Map<String, Object>> entries) {
        List<String> oldestFirst = new java.util.ArrayList<>(entries.stream().map(e -> e.get("action").toString()).toList());
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    String book(Instant start, int minutes) {
        return expect(201, api.post("/api/v1/bookings", library.kiosk(),
                Map.of("roomId", roomId, "start", start.toString(), "minutes", minutes))).string("code");
    }

    @Test
    void each_staff_action_writes_one_entry_with_its_actor_desk_and_target() {
        String tag = "HS-" + library.unique();
        expect(201, adminDesk.post("/api/v1/devices", deskAdmin, Map.of("tag", tag, "kind", "HEADSET", "siteId", library.siteId())));
        expect(200, staffDesk.post("/api/v1/devices/return", deskStaff, Map.of("tag", tag)));
        String lent = book(TEN, 60);
        expect(200, staffDesk.post("/api/v1/devices/hand-out", deskStaff, Map.of("tag", tag, "bookingCode", lent)));
        expect(200, staffDesk.post("/api/v1/devices/return", deskStaff, Map.of("tag", tag)));
        expect(200, staffDesk.post("/api/v1/devices/" + tag + "/wipe", deskStaff, null));
        expect(200, staffDesk.post("/api/v1/devices/return", deskStaff, Map.of("tag", tag)));
        expect(200, staffDesk.post("/api/v1/devices/" + tag + "/faulty", deskStaff, Map.of("reason", "cable broken")));
        expect(200, staffDesk.post("/api/v1/devices/" + tag + "/repaired", deskStaff, Map.of("note", "new cable")));
        expect(204, staffDesk.post("/api/v1/rooms/" + roomId + "/unlock", deskStaff, null));
        expect(200, staffDesk.post("/api/v1/bookings/" + lent + "/end", deskStaff, null));
        String later = book(TEN.plus(Duration.ofHours(3)), 30);
        expect(200, staffDesk.post("/api/v1/bookings/" + later + "/cancel", deskStaff, Map.of("reason", "asked by phone")));

        List<Map<String, Object>> entries = entriesOf(staffName);
        assertThat(actions(entries)).containsExactly("RETURN", "HAND_OUT", "RETURN", "WIPE_NOW", "RETURN", "DEVICE_FAULTY",
                "DEVICE_REPAIRED", "DOOR_UNLOCKED", "BOOKING_ENDED", "BOOKING_CANCELLED");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.get("actor")).isEqualTo(staffName);
            assertThat(e.get("desk")).isEqualTo("Front desk 2");
            assertThat(e.get("address")).isNotNull();
            assertThat(e.get("at")).isEqualTo("2026-11-24T08:00:00Z");
            assertThat(((Number) e.get("siteId")).longValue()).isEqualTo(library.siteId());
        });
        Map<String, Object> handOut = entries.stream().filter(e -> e.get("action").equals("HAND_OUT")).findFirst().orElseThrow();
        assertThat(handOut).containsEntry("targetKind", "DEVICE").containsEntry("targetId", tag).containsKey("bookingId");
        assertThat(entries.stream().filter(e -> e.get("action").equals("DEVICE_FAULTY")).findFirst().orElseThrow())
                .containsEntry("detail", "cable broken");
        // the cancel reason is the staff member's free text about a visitor: it is not kept in the log
        assertThat(entries.toString()).doesNotContain("asked by phone").doesNotContain(lent).doesNotContain(later);
        assertThat(entriesOf(adminName)).extracting(e -> e.get("action")).containsExactly("DEVICE_REGISTERED");
    }

    @Test
    void each_admin_change_writes_one_entry_with_its_actor() {
        String u = library.unique();
        long account = expect(201, adminDesk.post("/api/v1/accounts", deskAdmin,
                Map.of("username", "new-" + u, "password", "first-password-1", "role", "STAFF"))).number("id");
        expect(200, adminDesk.put("/api/v1/accounts/" + account + "/password", deskAdmin, Map.of("password", "second-password-2")));
        expect(200, adminDesk.post("/api/v1/accounts/" + account + "/deactivate", deskAdmin, null));
        long kiosk = ((Number) ((Map<?, ?>) expect(201, adminDesk.post("/api/v1/kiosks", deskAdmin,
                Map.of("siteId", library.siteId(), "name", "Hall " + u))).get("kiosk")).get("id")).longValue();
        expect(200, adminDesk.post("/api/v1/kiosks/" + kiosk + "/token", deskAdmin, null));
        expect(200, adminDesk.post("/api/v1/kiosks/" + kiosk + "/revoke", deskAdmin, null));
        long site = expect(201, adminDesk.post("/api/v1/sites", deskAdmin, Map.of("name", "Audited " + u))).number("id");
        expect(200, adminDesk.put("/api/v1/sites/" + site + "/rules", deskAdmin, Api.rules("bufferMinutes", 0)));
        expect(200, adminDesk.put("/api/v1/sites/" + site + "/retention", deskAdmin, Map.of("retentionDays", 7)));
        expect(200, adminDesk.delete("/api/v1/sites/" + site + "/retention", deskAdmin));
        long room = expect(201, adminDesk.post("/api/v1/sites/" + site + "/rooms", deskAdmin,
                Map.of("name", "Booth", "place", "Hall", "capacity", 1))).number("id");
        expect(200, adminDesk.put("/api/v1/rooms/" + room, deskAdmin, Map.of("name", "Booth 1", "place", "Hall", "capacity", 1)));
        expect(200, adminDesk.put("/api/v1/rooms/" + room + "/hours", deskAdmin,
                List.of(Map.of("weekday", "MONDAY", "opens", "09:00", "closes", "17:00"))));
        expect(200, adminDesk.put("/api/v1/rooms/" + room + "/hours", deskAdmin, List.of(
                Map.of("weekday", "MONDAY", "opens", "08:00", "closes", "20:00"), Map.of("weekday", "TUESDAY", "opens", "08:00", "closes", "20:00"),
                Map.of("weekday", "WEDNESDAY", "opens", "08:00", "closes", "20:00"), Map.of("weekday", "SATURDAY", "opens", "10:00", "closes", "16:00"),
                Map.of("weekday", "SUNDAY", "opens", "08:00", "closes", "20:00"))));
        expect(200, adminDesk.put("/api/v1/rooms/" + room + "/exceptions/2026-12-24", deskAdmin, Map.of("closed", true)));
        expect(200, adminDesk.delete("/api/v1/rooms/" + room + "/exceptions/2026-12-24", deskAdmin));

        List<Map<String, Object>> entries = entriesOf(adminName);
        assertThat(actions(entries)).containsExactly("ACCOUNT_CREATED", "PASSWORD_RESET", "ACCOUNT_SWITCHED_OFF",
                "KIOSK_CREATED", "KIOSK_TOKEN_RENEWED", "KIOSK_SWITCHED_OFF", "SITE_CREATED", "RULES_CHANGED",
                "RETENTION_CHANGED", "RETENTION_CHANGED", "ROOM_CREATED", "ROOM_CHANGED", "HOURS_CHANGED", "HOURS_CHANGED",
                "EXCEPTION_DAY_SET", "EXCEPTION_DAY_REMOVED");
        assertThat(entries).allSatisfy(e -> assertThat(e.get("desk")).isEqualTo("Back office"));
        assertThat(entries.toString()).doesNotContain("first-password-1").doesNotContain("second-password-2");
        // details in no language: weekday numbers, times, dates as d.M.yyyy
        assertThat(entries).filteredOn(e -> e.get("action").equals("HOURS_CHANGED")).extracting(e -> e.get("detail"))
                .containsExactly("1-3,7 08:00–20:00, 6 10:00–16:00", "1 09:00–17:00");
        assertThat(entries).filteredOn(e -> e.get("action").equals("EXCEPTION_DAY_SET")).extracting(e -> e.get("detail"))
                .containsExactly("24.12.2026 –");
        // filters: by action, and pages
        assertThat(expect(200, api.get("/api/v1/audit?actor=" + adminName + "&action=RETENTION_CHANGED&from="
                + TEN.minus(Duration.ofDays(1)), library.admin())).list("entries")).hasSize(2);
        Api.Answer firstPage = expect(200, api.get("/api/v1/audit?actor=" + adminName + "&size=10&from="
                + TEN.minus(Duration.ofDays(1)), library.admin()));
        assertThat(firstPage.list("entries")).hasSize(10);
        assertThat(firstPage.get("more")).isEqualTo(true);
        assertThat(expect(200, api.get("/api/v1/audit?actor=" + adminName + "&size=10&page=1&from="
                + TEN.minus(Duration.ofDays(1)), library.admin())).list("entries")).hasSize(6);
    }

    @Test
    void a_refused_action_writes_nothing() {
        String u = library.unique();
        expect(201, adminDesk.post("/api/v1/accounts", deskAdmin, Map.of("username", "twice-" + u, "password", "first-password-1", "role", "STAFF")));
        int before = entriesOf(adminName).size() + entriesOf(staffName).size();
        assertThat(adminDesk.post("/api/v1/accounts", deskAdmin, Map.of("username", "twice-" + u, "password", "first-password-1",
                "role", "STAFF")).status()).isEqualTo(409);
        assertThat(adminDesk.put("/api/v1/sites/" + library.siteId() + "/rules", deskAdmin, Api.rules("minBookingMinutes", 20)).status())
                .isEqualTo(400);
        assertThat(adminDesk.put("/api/v1/sites/" + library.siteId() + "/retention", deskAdmin, Map.of("retentionDays", 0)).status())
                .isEqualTo(400);
        assertThat(staffDesk.post("/api/v1/devices/hand-out", deskStaff, Map.of("tag", "NOPE-" + u, "bookingCode", "ABC-DEF-GHJ"))
                .status()).isEqualTo(404);
        assertThat(staffDesk.post("/api/v1/bookings/ABC-DEF-GHJ/cancel", deskStaff, Map.of()).status()).isEqualTo(404);
        assertThat(staffDesk.post("/api/v1/accounts", deskStaff, Map.of("username", "sneaky-" + u, "password", "first-password-1",
                "role", "ADMIN")).status()).isEqualTo(403);
        long plain = expect(201, adminDesk.post("/api/v1/sites/" + library.siteId() + "/rooms", deskAdmin,
                Map.of("name", "No lock " + u, "place", "Hall", "capacity", 1))).number("id");
        assertThat(staffDesk.post("/api/v1/rooms/" + plain + "/unlock", deskStaff, null).status()).isEqualTo(404);
        assertThat(entriesOf(adminName).size() + entriesOf(staffName).size()).isEqualTo(before + 1);
    }

    @Test
    void staff_and_kiosks_cannot_read_the_log() {
        assertThat(api.get("/api/v1/audit", deskStaff).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/audit", library.kiosk()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/audit", null).status()).isEqualTo(401);
    }

    @Test
    void the_bookings_retention_erases_the_booking_an_entry_names_and_keeps_the_rest() {
        String code = book(TEN.plus(Duration.ofHours(1)), 30);
        expect(200, staffDesk.post("/api/v1/bookings/" + code + "/cancel", deskStaff, Map.of()));
        Map<String, Object> entry = entriesOf(staffName).get(0);
        assertThat(entry.get("bookingId")).isNotNull();

        clock.advance(Duration.ofDays(29));
        jobs.anonymiseOld();
        assertThat(entriesOf(staffName).get(0).get("bookingId")).isNotNull();
        clock.advance(Duration.ofDays(2));
        jobs.anonymiseOld();
        Map<String, Object> kept = entriesOf(staffName).get(0);
        assertThat(kept.get("bookingId")).isNull();
        assertThat(kept).containsEntry("action", "BOOKING_CANCELLED").containsEntry("actor", staffName)
                .containsEntry("targetId", Long.toString(roomId));
    }

    @Test
    void the_log_takes_only_sensible_filters() {
        assertThat(api.get("/api/v1/audit?action=NOT_AN_ACTION", library.admin()).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/audit?actor=%00", library.admin()).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/audit?from=%2B999999999-12-31T00:00:00Z", library.admin()).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/audit?size=100000", library.admin()).status()).isEqualTo(400);
    }
}
