package fi.suoja.server;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static fi.suoja.server.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of the API through a real HTTP client: who may call it (401 for anonymous
 * callers, 403 for the wrong role), what malformed JSON and invalid input get, and that the
 * successful answer is what a client needs. Booking behaviour itself is in BookingScenarios.
 */
@MicronautTest(transactional = false)
class ApiContractTest {

    static final String PROBLEM_JSON = "application/problem+json";

    /** Who may call an endpoint. */
    enum Access { ANYONE, AUTHENTICATED, STAFF_OR_KIOSK, STAFF, ADMIN, KIOSK }

    /** One endpoint; {@code body} is a valid body where it takes one. Path ids are filled in per test. */
    record Endpoint(String method, String path, Access access, boolean takesBody) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Stream<Endpoint> endpoints() {
        return Stream.of(
                new Endpoint("POST", "/api/v1/auth/login", Access.ANYONE, true),
                new Endpoint("POST", "/api/v1/auth/logout", Access.STAFF, false),
                new Endpoint("GET", "/api/v1/auth/me", Access.AUTHENTICATED, false),
                new Endpoint("GET", "/api/v1/accounts", Access.ADMIN, false),
                new Endpoint("POST", "/api/v1/accounts", Access.ADMIN, true),
                new Endpoint("PUT", "/api/v1/accounts/{account}/password", Access.ADMIN, true),
                new Endpoint("POST", "/api/v1/accounts/{account}/deactivate", Access.ADMIN, false),
                new Endpoint("GET", "/api/v1/kiosks", Access.ADMIN, false),
                new Endpoint("POST", "/api/v1/kiosks", Access.ADMIN, true),
                new Endpoint("POST", "/api/v1/kiosks/{kiosk}/token", Access.ADMIN, false),
                new Endpoint("POST", "/api/v1/kiosks/{kiosk}/revoke", Access.ADMIN, false),
                new Endpoint("GET", "/api/v1/kiosks/me", Access.KIOSK, false),
                new Endpoint("GET", "/api/v1/sites", Access.STAFF_OR_KIOSK, false),
                new Endpoint("POST", "/api/v1/sites", Access.ADMIN, true),
                new Endpoint("GET", "/api/v1/sites/{site}", Access.STAFF_OR_KIOSK, false),
                new Endpoint("GET", "/api/v1/sites/{site}/rules", Access.STAFF_OR_KIOSK, false),
                new Endpoint("PUT", "/api/v1/sites/{site}/rules", Access.ADMIN, true),
                new Endpoint("GET", "/api/v1/sites/{site}/retention", Access.STAFF, false),
                new Endpoint("PUT", "/api/v1/sites/{site}/retention", Access.ADMIN, true),
                new Endpoint("DELETE", "/api/v1/sites/{site}/retention", Access.ADMIN, false),
                new Endpoint("GET", "/api/v1/sites/{site}/rooms", Access.STAFF_OR_KIOSK, false),
                new Endpoint("POST", "/api/v1/sites/{site}/rooms", Access.ADMIN, true),
                new Endpoint("GET", "/api/v1/rooms/{room}", Access.STAFF_OR_KIOSK, false),
                new Endpoint("PUT", "/api/v1/rooms/{room}", Access.ADMIN, true),
                new Endpoint("PUT", "/api/v1/rooms/{room}/hours", Access.ADMIN, true),
                new Endpoint("PUT", "/api/v1/rooms/{room}/exceptions/2026-12-24", Access.ADMIN, true),
                new Endpoint("DELETE", "/api/v1/rooms/{room}/exceptions/2026-12-24", Access.ADMIN, false),
                new Endpoint("GET", "/api/v1/sites/{site}/availability?date=2026-12-01", Access.STAFF_OR_KIOSK, false),
                new Endpoint("GET", "/api/v1/sites/{site}/free-now?minutes=15", Access.STAFF_OR_KIOSK, false),
                new Endpoint("GET", "/api/v1/sites/{site}/now?minutes=30", Access.STAFF_OR_KIOSK, false),
                new Endpoint("GET", "/api/v1/sites/{site}/bookings?date=2026-12-01", Access.STAFF, false),
                new Endpoint("POST", "/api/v1/bookings", Access.STAFF_OR_KIOSK, true),
                new Endpoint("GET", "/api/v1/bookings/{code}", Access.STAFF_OR_KIOSK, false),
                new Endpoint("POST", "/api/v1/bookings/{code}/check-in", Access.STAFF_OR_KIOSK, false),
                new Endpoint("POST", "/api/v1/bookings/{code}/extend", Access.STAFF_OR_KIOSK, true),
                new Endpoint("POST", "/api/v1/bookings/{code}/end", Access.STAFF_OR_KIOSK, false),
                new Endpoint("POST", "/api/v1/bookings/{code}/cancel", Access.STAFF_OR_KIOSK, false),
                new Endpoint("GET", "/api/v1/audit", Access.ADMIN, false));
    }

    static Stream<Endpoint> protectedEndpoints() {
        return endpoints().filter(e -> e.access() != Access.ANYONE);
    }

    static Stream<Endpoint> endpointsWithBody() {
        return endpoints().filter(Endpoint::takesBody);
    }

    @Inject
    EmbeddedServer server;

    Api api;
    Api.Library library;
    String admin;
    String staff;
    String kiosk;
    long siteId;
    long roomId;
    long accountId;
    long kioskId;

    @BeforeEach
    void scene() {
        api = new Api(server);
        library = api.library(Api.rules());
        String unique = library.unique();
        admin = library.admin();
        staff = library.staff();
        siteId = library.siteId();
        kiosk = library.kiosk();
        kioskId = library.kioskId();
        roomId = api.createRoom(admin, siteId, "Room " + unique, "08:00", "20:00");
        accountId = expect(201, api.post("/api/v1/accounts", admin,
                Map.of("username", "other-" + unique, "password", "another-password-1", "role", "STAFF"))).number("id");
    }

    String path(Endpoint endpoint) {
        return endpoint.path()
                .replace("{site}", Long.toString(siteId))
                .replace("{room}", Long.toString(roomId))
                .replace("{account}", Long.toString(accountId))
                .replace("{kiosk}", Long.toString(kioskId))
                .replace("{code}", "ABC-DEF-GHJ");
    }

    static void assertProblem(Api.Answer answer, int status, String type) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith(PROBLEM_JSON);
        assertThat(answer.problem()).isEqualTo("urn:suoja:problem:" + type);
        assertThat(answer.string("title")).isNotBlank();
        assertThat(answer.text()).doesNotContain("Exception").doesNotContain("at fi.suoja");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("protectedEndpoints")
    void anonymous_callers_get_401_on_every_protected_endpoint(Endpoint endpoint) {
        assertProblem(api.raw(endpoint.method(), path(endpoint), null, "application/json", endpoint.takesBody() ? "{}" : ""),
                401, "not-logged-in");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("protectedEndpoints")
    void a_forged_or_revoked_token_counts_as_no_token(Endpoint endpoint) {
        assertProblem(api.raw(endpoint.method(), path(endpoint), "st_forged-token-" + UUID.randomUUID(), "application/json",
                endpoint.takesBody() ? "{}" : ""), 401, "not-logged-in");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("protectedEndpoints")
    void callers_without_the_role_get_403(Endpoint endpoint) {
        List<String> refused = new ArrayList<>();
        switch (endpoint.access()) {
            case ADMIN -> {
                refused.add(staff);
                refused.add(kiosk);
            }
            case STAFF -> refused.add(kiosk);
            case KIOSK -> {
                refused.add(staff);
                refused.add(admin);
            }
            case STAFF_OR_KIOSK, AUTHENTICATED, ANYONE -> {
            }
        }
        for (String token : refused) {
            assertProblem(api.raw(endpoint.method(), path(endpoint), token, "application/json",
                    endpoint.takesBody() ? "{}" : ""), 403, "not-allowed");
        }
        if (refused.isEmpty()) {
            // everyone signed in may call it: no 401 or 403 for any of them
            for (String token : List.of(staff, kiosk)) {
                int status = api.raw(endpoint.method(), path(endpoint), token, "application/json",
                        endpoint.takesBody() ? "{}" : "").status();
                assertThat(status).as(endpoint + " with a signed-in caller").isNotIn(401, 403);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpointsWithBody")
    void malformed_json_gets_a_clear_400_and_changes_nothing(Endpoint endpoint) {
        String before = expect(200, api.get("/api/v1/sites/" + siteId + "/rooms", admin)).text();
        String token = endpoint.access() == Access.STAFF_OR_KIOSK ? kiosk : admin;
        for (String body : List.of("{\"name\": ", "not json at all", "[1, 2", "{\"a\":1}}")) {
            Api.Answer answer = api.raw(endpoint.method(), path(endpoint), token, "application/json", body);
            assertThat(answer.status()).as(endpoint + " with " + body + ": " + answer).isEqualTo(400);
            assertThat(answer.contentType()).startsWith(PROBLEM_JSON);
            assertThat(answer.problem()).isIn("urn:suoja:problem:malformed-body", "urn:suoja:problem:invalid-request");
        }
        assertThat(api.get("/api/v1/sites/" + siteId + "/rooms", admin).text()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpointsWithBody")
    void an_empty_object_is_refused_with_a_validation_problem(Endpoint endpoint) {
        String token = endpoint.access() == Access.STAFF_OR_KIOSK ? kiosk : admin;
        Api.Answer answer = api.raw(endpoint.method(), path(endpoint), token, "application/json",
                endpoint.path().endsWith("/hours") ? "[{}]" : "{}");
        if (endpoint.path().endsWith("/exceptions/2026-12-24")) {
            // {} means "open, but no hours given": refused in words
            assertProblem(answer, 400, "invalid-request");
            return;
        }
        if (endpoint.path().endsWith("/extend")) {
            // the code is checked before the body: an unknown code is not found whatever the body
            assertThat(answer.status()).isIn(400, 404);
            return;
        }
        assertProblem(answer, 400, "invalid-request");
    }

    @Test
    void a_body_over_the_size_limit_is_refused_before_it_is_read() {
        String huge = "{\"name\":\"" + "x".repeat(70 * 1024) + "\",\"timeZone\":\"Europe/Helsinki\"}";
        Api.Answer answer = api.raw("POST", "/api/v1/sites", admin, "application/json", huge);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(expect(200, api.get("/api/v1/sites", admin)).list())
                .noneMatch(site -> site.get("name").toString().startsWith("xxxx"));
    }

    @Test
    void a_body_that_is_not_json_gets_415() {
        assertProblem(api.raw("POST", "/api/v1/sites", admin, "text/plain", "name=x"), 415, "unsupported-media-type");
    }

    @Test
    void an_unknown_address_and_an_unknown_id_get_404_problems() {
        assertThat(api.get("/api/v1/nothing-here", admin).status()).isEqualTo(404);
        assertProblem(api.get("/api/v1/rooms/999999", admin), 404, "not-found");
        assertProblem(api.get("/api/v1/sites/999999", admin), 404, "not-found");
        assertProblem(api.get("/api/v1/bookings/ABC-DEF-GHJ", kiosk), 404, "booking-not-found");
    }

    @Test
    void login_with_a_wrong_password_or_unknown_user_gets_the_same_401() {
        Api.Answer wrongPassword = api.post("/api/v1/auth/login", null, Map.of("username", "admin", "password", "wrong-password"));
        Api.Answer unknownUser = api.post("/api/v1/auth/login", null, Map.of("username", "nobody", "password", "wrong-password"));
        assertProblem(wrongPassword, 401, "not-logged-in");
        assertProblem(unknownUser, 401, "not-logged-in");
        assertThat(wrongPassword.string("detail")).isEqualTo(unknownUser.string("detail"));
    }

    @Test
    void logout_ends_the_staff_session_at_once() {
        String token = api.staffToken(admin, "leaving-" + UUID.randomUUID().toString().substring(0, 6));
        expect(200, api.get("/api/v1/auth/me", token));
        expect(204, api.post("/api/v1/auth/logout", token, null));
        assertProblem(api.get("/api/v1/auth/me", token), 401, "not-logged-in");
    }

    @Test
    void me_tells_who_is_calling_with_the_roles() {
        assertThat(expect(200, api.get("/api/v1/auth/me", admin)).get("roles")).asList().contains("ADMIN", "STAFF");
        assertThat(expect(200, api.get("/api/v1/auth/me", staff)).get("roles")).asList().containsExactly("STAFF");
        assertThat(expect(200, api.get("/api/v1/auth/me", kiosk)).get("roles")).asList().containsExactly("KIOSK");
    }

    @Test
    void accounts_can_be_listed_changed_and_deactivated_and_a_deactivated_account_cannot_log_in() {
        String username = "temp-" + UUID.randomUUID().toString().substring(0, 6);
        long id = expect(201, api.post("/api/v1/accounts", admin,
                Map.of("username", username, "password", "first-password-1", "role", "STAFF"))).number("id");
        assertThat(expect(200, api.get("/api/v1/accounts", admin)).list()).anyMatch(a -> username.equals(a.get("username")));
        assertThat(expect(200, api.get("/api/v1/accounts", admin)).text()).doesNotContain("first-password-1").doesNotContain("$argon2");
        assertProblem(api.post("/api/v1/accounts", admin,
                Map.of("username", username, "password", "first-password-1", "role", "STAFF")), 409, "already-exists");
        assertProblem(api.put("/api/v1/accounts/" + id + "/password", admin, Map.of("password", "short")), 400, "invalid-request");
        expect(200, api.put("/api/v1/accounts/" + id + "/password", admin, Map.of("password", "second-password-2")));
        assertProblem(api.post("/api/v1/auth/login", null, Map.of("username", username, "password", "first-password-1")),
                401, "not-logged-in");
        String session = api.login(username, "second-password-2");
        expect(200, api.post("/api/v1/accounts/" + id + "/deactivate", admin, null));
        assertProblem(api.get("/api/v1/auth/me", session), 401, "not-logged-in");
        assertProblem(api.post("/api/v1/auth/login", null, Map.of("username", username, "password", "second-password-2")),
                401, "not-logged-in");
    }

    @Test
    void a_kiosk_token_can_be_renewed_and_revoked_and_the_old_one_stops_working() {
        expect(200, api.get("/api/v1/kiosks/me", kiosk));
        assertThat(expect(200, api.get("/api/v1/kiosks", admin)).text()).doesNotContain(kiosk);
        String renewed = expect(200, api.post("/api/v1/kiosks/" + kioskId + "/token", admin, null)).string("token");
        assertProblem(api.get("/api/v1/kiosks/me", kiosk), 401, "not-logged-in");
        assertThat(expect(200, api.get("/api/v1/kiosks/me", renewed)).string("name")).isEqualTo(library.kioskName());
        expect(200, api.post("/api/v1/kiosks/" + kioskId + "/revoke", admin, null));
        assertProblem(api.get("/api/v1/kiosks/me", renewed), 401, "not-logged-in");
        assertProblem(api.post("/api/v1/kiosks", admin, Map.of("siteId", 999999, "name", "Nowhere")), 404, "not-found");
    }

    @Test
    void sites_are_created_with_a_zone_and_rules_and_invalid_rules_are_explained() {
        Api.Answer site = expect(201, api.post("/api/v1/sites", admin, Map.of("name", "Oulu", "timeZone", "Europe/Helsinki")));
        long id = site.number("id");
        assertThat(site.string("timeZone")).isEqualTo("Europe/Helsinki");
        assertThat(expect(200, api.get("/api/v1/sites/" + id + "/rules", staff)).number("slotStepMinutes")).isEqualTo(15);
        // a kiosk reads only its own library
        assertProblem(api.get("/api/v1/sites/" + id + "/rules", kiosk), 404, "not-found");
        assertProblem(api.post("/api/v1/sites", admin, Map.of("name", "Mars", "timeZone", "Mars/Olympus")), 400, "invalid-request");
        Api.Answer badRules = api.put("/api/v1/sites/" + id + "/rules", admin, Api.rules("minBookingMinutes", 20));
        assertProblem(badRules, 400, "invalid-request");
        assertThat(badRules.string("detail")).contains("shortest booking");
        expect(200, api.put("/api/v1/sites/" + id + "/rules", admin, Api.rules("bufferMinutes", 0)));
        assertThat(expect(200, api.get("/api/v1/sites/" + id, staff)).get("rules")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("bufferMinutes", 0);
    }

    @Test
    void rooms_take_details_hours_and_exception_days_and_refuse_what_does_not_fit() {
        Api.Answer room = expect(200, api.get("/api/v1/rooms/" + roomId, kiosk));
        assertThat(room.string("place")).isEqualTo("2nd floor");
        assertThat(room.get("equipment")).asList().contains("COMPUTER", "WEBCAM");
        assertProblem(api.post("/api/v1/sites/" + siteId + "/rooms", admin,
                Map.of("name", "Too big", "place", "Hall", "capacity", 500)), 400, "invalid-request");
        assertProblem(api.put("/api/v1/rooms/" + roomId + "/hours", admin,
                List.of(Map.of("weekday", "MONDAY", "opens", "18:00", "closes", "08:00"))), 400, "invalid-request");
        assertProblem(api.put("/api/v1/rooms/" + roomId + "/hours", admin, List.of(
                Map.of("weekday", "MONDAY", "opens", "08:00", "closes", "18:00"),
                Map.of("weekday", "MONDAY", "opens", "09:00", "closes", "18:00"))), 400, "invalid-request");
        expect(200, api.put("/api/v1/rooms/" + roomId + "/exceptions/2026-12-24", admin, Map.of("closed", true, "note", "Christmas Eve")));
        Api.Answer day = expect(200, api.get("/api/v1/sites/" + siteId + "/availability?date=2026-12-24", kiosk));
        assertThat(day.list()).filteredOn(r -> ((Number) r.get("roomId")).longValue() == roomId)
                .singleElement().satisfies(r -> assertThat((List<?>) r.get("free")).isEmpty());
        expect(200, api.delete("/api/v1/rooms/" + roomId + "/exceptions/2026-12-24", admin));
        Api.Answer open = expect(200, api.get("/api/v1/sites/" + siteId + "/availability?date=2026-12-24", kiosk));
        assertThat(open.list()).filteredOn(r -> ((Number) r.get("roomId")).longValue() == roomId)
                .singleElement().satisfies(r -> assertThat((List<?>) r.get("free")).isNotEmpty());
        Api.Answer renamed = expect(200, api.put("/api/v1/rooms/" + roomId, admin, Map.of(
                "name", "Quiet room", "place", "Ground floor, by the door", "capacity", 3, "stepFree", true)));
        assertThat(renamed.string("name")).as(renamed.toString()).isEqualTo("Quiet room");
    }

    @Test
    void query_parameters_are_validated_too() {
        assertProblem(api.get("/api/v1/sites/" + siteId + "/availability?date=not-a-date", kiosk), 400, "invalid-request");
        assertProblem(api.get("/api/v1/sites/" + siteId + "/free-now?minutes=-5", kiosk), 400, "invalid-request");
    }

    @Test
    void the_openapi_document_and_health_are_served_without_login() {
        Api.Answer health = api.get("/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.string("status")).isEqualTo("UP");
        assertThat(health.text()).doesNotContain("jdbc").doesNotContain("diskSpace");
        Api.Answer openApi = api.get("/openapi/suoja-v1.yml", null);
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.text()).contains("/api/v1/bookings").contains("/api/v1/sites/{siteId}/availability");
    }
}
