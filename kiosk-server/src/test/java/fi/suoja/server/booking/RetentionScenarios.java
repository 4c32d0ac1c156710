package fi.suoja.server.booking;

import fi.suoja.server.Api;
import fi.suoja.server.LibraryScene;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static fi.suoja.server.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each site's own retention time for ended bookings, set by an admin through the API and used by
 * the retention job site by site. Run on H2 by {@link RetentionOnH2Test} and on PostgreSQL by
 * {@link RetentionOnPostgresTest}.
 */
abstract class RetentionScenarios extends LibraryScene {

    @Inject
    BookingJobs jobs;

    long roomId;

    @BeforeEach
    void roomA() {
        roomId = api.createRoom(admin, siteId, "Room A", "08:00", "20:00");
    }

    private String book(String kiosk, long room, Instant start) {
        Map<String, Object> body = new HashMap<>(Map.of("roomId", room, "start", start.toString(), "minutes", 30));
        return expect(201, api.post("/api/v1/bookings", kiosk, body)).string("code");
    }

    /** The booking as an admin finds it after the retention job ran at {@code time}. */
    private Api.Answer bookingAfterTheJob(Instant time, String code) {
        clock.set(time);
        String admin = api.loginAdmin();
        jobs.anonymiseOld();
        return api.get("/api/v1/bookings/" + code, admin);
    }

    private Api.Answer retention(long siteId, String token) {
        return api.get("/api/v1/sites/" + siteId + "/retention", token);
    }

    private Api.Answer setRetention(long siteId, String token, Integer days) {
        Map<String, Object> body = new HashMap<>();
        body.put("retentionDays", days);
        return api.put("/api/v1/sites/" + siteId + "/retention", token, body);
    }

    @Test
    void a_new_site_keeps_bookings_as_long_as_the_server_setting_says() {
        Api.Answer answer = expect(200, retention(library.siteId(), library.staff()));
        assertThat(answer.number("retentionDays")).isEqualTo(30);
        assertThat(answer.get("serverDefault")).isEqualTo(true);
    }

    @Test
    void an_admin_sets_a_sites_retention_and_can_go_back_to_the_server_setting() {
        Api.Answer set = expect(200, setRetention(library.siteId(), library.admin(), 7));
        assertThat(set.number("retentionDays")).isEqualTo(7);
        assertThat(set.get("serverDefault")).isEqualTo(false);
        assertThat(expect(200, retention(library.siteId(), library.staff())).number("retentionDays")).isEqualTo(7);

        Api.Answer back = expect(200, api.delete("/api/v1/sites/" + library.siteId() + "/retention", library.admin()));
        assertThat(back.number("retentionDays")).isEqualTo(30);
        assertThat(back.get("serverDefault")).isEqualTo(true);
    }

    @Test
    void retention_outside_one_to_365_days_is_refused_and_changes_nothing() {
        expect(200, setRetention(library.siteId(), library.admin(), 12));
        Api.Answer missing = setRetention(library.siteId(), library.admin(), null);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.problem()).isEqualTo("urn:suoja:problem:invalid-request");
        for (int days : new int[]{0, -3, 366}) {
            Api.Answer refused = setRetention(library.siteId(), library.admin(), days);
            assertThat(refused.status()).as(days + " days").isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.problem()).isEqualTo("urn:suoja:problem:invalid-request");
            assertThat(refused.string("rule")).isEqualTo("retention-days");
        }
        assertThat(expect(200, retention(library.siteId(), library.staff())).number("retentionDays")).isEqualTo(12);
        assertThat(expect(200, setRetention(library.siteId(), library.admin(), 365)).number("retentionDays")).isEqualTo(365);
        assertThat(expect(200, setRetention(library.siteId(), library.admin(), 1)).number("retentionDays")).isEqualTo(1);
    }

    @Test
    void only_an_admin_changes_retention_and_an_unknown_site_is_not_found() {
        assertThat(setRetention(library.siteId(), library.staff(), 5).status()).isEqualTo(403);
        assertThat(setRetention(library.siteId(), library.kiosk(), 5).status()).isEqualTo(403);
        assertThat(api.delete("/api/v1/sites/" + library.siteId() + "/retention", library.staff()).status()).isEqualTo(403);
        assertThat(expect(200, retention(library.siteId(), library.staff())).get("serverDefault")).isEqualTo(true);
        assertThat(setRetention(999_999, library.admin(), 5).status()).isEqualTo(404);
        assertThat(retention(999_999, library.admin()).status()).isEqualTo(404);
    }

    @Test
    void the_retention_job_uses_each_sites_own_days() {
        Api.Library other = api.library(Api.rules());
        long otherRoom = api.createRoom(other.admin(), other.siteId(), "Room B", "08:00", "20:00");
        expect(200, setRetention(library.siteId(), library.admin(), 3));
        String shortKept = book(library.kiosk(), roomId, at(TODAY, "11:00"));
        String defaultKept = book(other.kiosk(), otherRoom, at(TODAY, "11:00"));

        // 11:30 is the end of both; three days later, a minute before and a minute after
        expect(200, bookingAfterTheJob(at(TODAY.plusDays(3), "11:29"), shortKept));

        clock.set(at(TODAY.plusDays(3), "11:31"));
        String admin = api.loginAdmin();
        assertThat(jobs.anonymiseOld()).isPositive();
        assertThat(api.get("/api/v1/bookings/" + shortKept, admin).status()).isEqualTo(404);
        expect(200, api.get("/api/v1/bookings/" + defaultKept, admin));
        Api.Answer day = expect(200, api.get("/api/v1/sites/" + library.siteId() + "/bookings?date=" + TODAY, admin));
        assertThat(day.list()).hasSize(1);
        assertThat(day.list().get(0).get("code")).isNull();

        // the other site keeps the server's 30 days
        expect(200, bookingAfterTheJob(at(TODAY.plusDays(30), "11:29"), defaultKept));
        assertThat(bookingAfterTheJob(at(TODAY.plusDays(30), "11:31"), defaultKept).status()).isEqualTo(404);
    }

    @Test
    void a_longer_retention_keeps_bookings_past_the_server_setting() {
        expect(200, setRetention(library.siteId(), library.admin(), 60));
        String code = book(library.kiosk(), roomId, at(TODAY, "11:00"));

        expect(200, bookingAfterTheJob(at(TODAY.plusDays(45), "12:00"), code));
        assertThat(bookingAfterTheJob(at(TODAY.plusDays(60), "11:31"), code).status()).isEqualTo(404);
    }

    @Test
    void rules_that_do_not_fit_together_name_the_broken_rule() {
        Api.Answer refused = api.put("/api/v1/sites/" + library.siteId() + "/rules", library.admin(),
                Api.rules("minBookingMinutes", 20));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.string("rule")).isEqualTo("min-booking");
        assertThat(api.put("/api/v1/sites/" + library.siteId() + "/rules", library.admin(),
                Api.rules("bufferMinutes", 7)).string("rule")).isEqualTo("buffer");
        assertThat(expect(200, api.get("/api/v1/sites/" + library.siteId() + "/rules", library.staff()))
                .number("minBookingMinutes")).isEqualTo(15);
    }
}
