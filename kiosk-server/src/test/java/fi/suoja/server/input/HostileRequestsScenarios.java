package fi.suoja.server.input;

import fi.suoja.server.Api;
import fi.suoja.server.ServerScene;
import fi.suoja.server.Simultaneous;
import fi.suoja.server.problem.ProblemType;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static fi.suoja.server.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of malformed and hostile requests at every write endpoint of the real server: wrong
 * types, control characters, huge numbers, dates at the ends of time, bodies that are not what
 * they claim, hostile ids in paths. None may answer 5xx; every 4xx is problem+json with one of
 * the API's stable types; a refused request leaves every table as it was; every read still
 * answers 200 afterwards. Each request is built from a valid one by breaking one thing.
 */
abstract class HostileRequestsScenarios extends ServerScene {

    static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");
    static final Set<String> STABLE_TYPES = Arrays.stream(ProblemType.values())
            .filter(t -> t != ProblemType.SERVER_ERROR).map(ProblemType::uri).collect(Collectors.toSet());
    /**
     * The tables that hold what the API changes. Not compared, as they change by design: counters
     * of wrong tries and sessions; staff alerts (raised when refused logins look like guessing);
     * door tasks (written by listeners after an earlier accepted booking change committed).
     */
    static final List<String> TABLES = List.of("site", "booking_rules", "room", "opening_hours", "exception_day", "account",
            "kiosk", "device", "booking", "room_slot_claim", "loan", "wipe_job", "wipe_report", "help_call", "audit_entry");

    @Inject
    DataSource dataSource;

    Api api;
    Api.Library library;
    long roomId;
    long victimAccount;
    long victimKiosk;
    String code;
    String tag;
    final List<String> failures = new ArrayList<>();
    int sent;

    /** How many of the hostile values each field gets: all on H2, a few on PostgreSQL. */
    abstract int valuesPerField();

    @BeforeEach
    void scene() {
        clock.set(NOW);
        api = new Api(server);
        library = api.library(Api.rules("nameOnDoorAllowed", true));
        String u = library.unique();
        roomId = api.createRoom(library.admin(), library.siteId(), "Room " + u, "08:00", "20:00");
        victimAccount = expect(201, api.post("/api/v1/accounts", library.admin(),
                Map.of("username", "victim-" + u, "password", "victim-password-1", "role", "STAFF"))).number("id");
        victimKiosk = ((Number) ((Map<?, ?>) expect(201, api.post("/api/v1/kiosks", library.admin(),
                Map.of("siteId", library.siteId(), "name", "Victim " + u))).get("kiosk")).get("id")).longValue();
        code = expect(201, api.post("/api/v1/bookings", library.kiosk(),
                Map.of("roomId", roomId, "start", NOW.plus(Duration.ofHours(2)).toString(), "minutes", 30))).string("code");
        tag = "HS-" + u;
        expect(201, api.post("/api/v1/devices", library.admin(), Map.of("tag", tag, "kind", "HEADSET", "siteId", library.siteId())));
    }

    /** Values that break a field: wrong types, control characters, sizes, ends of time. */
    static List<Object> hostileValues() {
        List<Object> values = new ArrayList<>(List.of(
                "Nul\u0000l", "\u001b[2J", "a\u0085b", "half \ud800", "\u0007", true, false, List.of(1), List.of(), Map.of(),
                1.5, -1, 0, 2147483648L, -9223372036854775807L, new java.math.BigInteger("99999999999999999999999999"),
                1e308, "", " ", "x".repeat(5000), "+999999999-12-31", "-999999999-01-01T00:00:00Z",
                "+999999999-12-31T23:59:59Z", "1970-01-01T00:00:00Z", "2026-02-30", "09:00:00.9999999", "24:00", "25:61",
                "2026-11-24T10:00:00", "NOT_A_VALUE", "laptop", "' OR '1'='1", "<script>alert(1)</script>", "../../etc/passwd",
                "\u202eevil", "😀".repeat(50)));
        values.add(null);
        return values;
    }

    /** Whole bodies that are not the object an endpoint takes. */
    static List<String> hostileBodies() {
        return List.of("", "null", "[]", "[{}]", "\"text\"", "42", "true", "{", "{\"a\":1}}", "{\"a\":\u0000}",
                "[".repeat(5000) + "]".repeat(5000), "{\"a\":" + "[".repeat(3000) + "]".repeat(3000) + "}",
                "{\"name\":\"" + "x".repeat(70 * 1024) + "\"}", "\uFEFF{}", "{\"__proto__\":{\"admin\":true}}");
    }

    /** Path values for ids and codes that are no id. */
    static List<String> hostileIds() {
        return List.of("0", "-1", "99999999999999999999", "abc", "%00", "..%2F..%2Fetc", "1%20OR%201=1", "x".repeat(300),
                "%E2%80%AE1", "1.5");
    }

    record Write(String method, String path, Function<HostileRequestsScenarios, String> token, Map<String, Object> body,
                 boolean bodyIsList) {
    }

    List<Write> writes() {
        Function<HostileRequestsScenarios, String> admin = s -> s.library.admin();
        Function<HostileRequestsScenarios, String> staff = s -> s.library.staff();
        Function<HostileRequestsScenarios, String> kiosk = s -> s.library.kiosk();
        Function<HostileRequestsScenarios, String> nobody = s -> null;
        String u = library.unique();
        Map<String, Object> room = body("name", "Fuzz " + u, "place", "Hall", "capacity", 2, "stepFree", true,
                "equipment", List.of("COMPUTER"), "doorLockId", "lock-x", "keypad", true, "roomSignId", "sign-x", "active", true);
        List<Write> writes = new ArrayList<>(List.of(
                new Write("POST", "/api/v1/auth/login", nobody, body("username", "nobody-" + u, "password", "wrong-password"), false),
                new Write("POST", "/api/v1/accounts", admin, body("username", "fuzz-" + u, "password", "fuzz-password-12", "role", "STAFF"), false),
                new Write("PUT", "/api/v1/accounts/{account}/password", admin, body("password", "victim-password-2"), false),
                new Write("POST", "/api/v1/kiosks", admin, body("siteId", library.siteId(), "name", "Fuzz kiosk " + u), false),
                new Write("POST", "/api/v1/sites", admin, body("name", "Fuzz site " + u, "timeZone", "Europe/Helsinki",
                        "rules", Api.rules()), false),
                new Write("PUT", "/api/v1/sites/{site}/rules", admin, new LinkedHashMap<>(Api.rules("nameOnDoorAllowed", true)), false),
                new Write("PUT", "/api/v1/sites/{site}/retention", admin, body("retentionDays", 30), false),
                new Write("POST", "/api/v1/sites/{site}/rooms", admin, room, false),
                new Write("PUT", "/api/v1/rooms/{room}", admin, new LinkedHashMap<>(room), false),
                new Write("PUT", "/api/v1/rooms/{room}/hours", admin, body("weekday", "MONDAY", "opens", "08:00", "closes", "20:00"), true),
                new Write("PUT", "/api/v1/rooms/{room}/exceptions/{date}", admin, body("closed", false, "opens", "10:00",
                        "closes", "14:00", "note", "Short day"), false),
                new Write("POST", "/api/v1/bookings", kiosk, body("roomId", roomId, "start", NOW.plus(Duration.ofHours(5)).toString(),
                        "minutes", 30, "libraryCard", "12345678", "nameOnDoor", "Guest", "language", "fi"), false),
                new Write("POST", "/api/v1/bookings/{code}/extend", staff, body("minutes", 15), false),
                new Write("POST", "/api/v1/bookings/{code}/cancel", staff, body("reason", "No longer needed"), false),
                new Write("POST", "/api/v1/devices", admin, body("tag", "FZ-" + u, "kind", "WEBCAM", "siteId", library.siteId()), false),
                new Write("POST", "/api/v1/devices/hand-out", staff, body("tag", tag, "bookingCode", code, "bookingId", 1,
                        "walkInUntil", NOW.plus(Duration.ofHours(1)).toString()), false),
                new Write("POST", "/api/v1/devices/return", staff, body("tag", "NOT-" + u), false),
                new Write("POST", "/api/v1/devices/wipe", staff, body("devices", List.of(tag, "NOT-" + u)), false),
                new Write("POST", "/api/v1/devices/{device}/faulty", staff, body("reason", "Broken"), false),
                new Write("POST", "/api/v1/devices/{device}/repaired", staff, body("note", "Fixed"), false),
                new Write("POST", "/api/v1/devices/{device}/retire", admin, body("reason", "Old"), false)));
        // endpoints without a body: only their paths and stray bodies are hostile
        for (String path : List.of("/api/v1/accounts/{account}/deactivate", "/api/v1/kiosks/{kiosk}/token",
                "/api/v1/kiosks/{kiosk}/revoke", "/api/v1/bookings/{code}/check-in", "/api/v1/bookings/{code}/end",
                "/api/v1/devices/{device}/wipe", "/api/v1/rooms/{room}/unlock", "/api/v1/alerts/{id}/acknowledge",
                "/api/v1/help-calls/{id}/acknowledge", "/api/v1/help-calls/{id}/resolve")) {
            writes.add(new Write("POST", path, path.contains("/accounts/") || path.contains("/kiosks/") ? admin : staff, null, false));
        }
        writes.add(new Write("DELETE", "/api/v1/sites/{site}/retention", admin, null, false));
        writes.add(new Write("DELETE", "/api/v1/rooms/{room}/exceptions/{date}", admin, null, false));
        writes.add(new Write("POST", "/api/v1/help-calls", kiosk, null, false));
        return writes;
    }

    static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    /** The path with its ids filled in: valid ones, or {@code hostile} in every place. */
    String path(String template, String hostile) {
        return template
                .replace("{site}", hostile != null ? hostile : Long.toString(library.siteId()))
                .replace("{room}", hostile != null ? hostile : Long.toString(roomId))
                .replace("{account}", hostile != null ? hostile : Long.toString(victimAccount))
                .replace("{kiosk}", hostile != null ? hostile : Long.toString(victimKiosk))
                .replace("{code}", hostile != null ? hostile : code)
                .replace("{device}", hostile != null ? hostile : tag)
                .replace("{date}", hostile != null ? hostile : "2026-12-24")
                .replace("{id}", hostile != null ? hostile : "999999");
    }

    @Test
    void no_hostile_request_breaks_the_server_or_changes_what_it_refused() throws Exception {
        List<Object> values = hostileValues().subList(0, Math.min(valuesPerField(), hostileValues().size()));
        for (Write write : writes()) {
            String token = write.token().apply(this);
            for (String id : hostileIds()) {
                if (write.path().contains("{")) {
                    send(write, path(write.path(), id), token, write.body() == null ? "" : json(write, write.body()));
                }
            }
            for (String body : hostileBodies()) {
                send(write, path(write.path(), null), token, body);
            }
            if (write.body() == null) {
                continue;
            }
            for (String field : write.body().keySet()) {
                for (Object value : values) {
                    Map<String, Object> broken = new LinkedHashMap<>(write.body());
                    broken.put(field, value);
                    send(write, path(write.path(), null), token, json(write, broken));
                }
                Map<String, Object> missing = new LinkedHashMap<>(write.body());
                missing.remove(field);
                send(write, path(write.path(), null), token, json(write, missing));
            }
        }
        System.out.println(getClass().getSimpleName() + ": " + sent + " hostile requests, " + failures.size() + " failures");
        assertThat(failures).as(sent + " requests").isEmpty();
        assertThat(sent).isGreaterThan(valuesPerField() * 40);
        everyReadAnswers();
    }

    @Test
    void twenty_simultaneous_copies_of_each_creation_give_one_success_and_409s_never_500() throws Exception {
        String u = library.unique();
        String admin = library.admin();
        for (Map.Entry<String, Map<String, Object>> creation : Map.of(
                "/api/v1/accounts", body("username", "twin-" + u, "password", "twin-password-12", "role", "STAFF"),
                "/api/v1/devices", body("tag", "TW-" + u, "kind", "WEBCAM", "siteId", library.siteId()),
                "/api/v1/sites/" + library.siteId() + "/rooms", body("name", "Twin " + u, "place", "Hall", "capacity", 2),
                "/api/v1/sites", body("name", "Twin site " + u)).entrySet()) {
            List<Api.Answer> answers = Simultaneous.run(20, i -> api.post(creation.getKey(), admin, creation.getValue()));
            assertThat(answers).as(creation.getKey()).allSatisfy(a -> assertThat(a.status()).as(a.toString()).isIn(201, 409));
            assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(1);
        }
        everyReadAnswers();
    }

    private String json(Write write, Map<String, Object> body) throws Exception {
        Object sent = write.bodyIsList() ? List.of(body) : body;
        return server.getApplicationContext().getBean(io.micronaut.json.JsonMapper.class).writeValueAsString(sent);
    }

    private void send(Write write, String path, String token, String body) throws SQLException {
        String before = tables();
        Api.Answer answer = api.raw(write.method(), path, token, "application/json", body);
        sent++;
        String what = write.method() + " " + shorten(path) + " " + shorten(body) + " -> " + shorten(answer.toString());
        if (answer.status() >= 500) {
            failures.add("5xx: " + what);
            return;
        }
        if (answer.status() >= 400) {
            if (!answer.contentType().startsWith("application/problem+json") || !STABLE_TYPES.contains(answer.problem())) {
                failures.add("not a stable problem: " + what);
            }
            if (!tables().equals(before)) {
                failures.add("refused but changed: " + what);
            }
        }
    }

    static String shorten(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "…(" + text.length() + ")" : text;
    }

    /** Every row of the tables the API changes, as text. */
    String tables() throws SQLException {
        StringBuilder all = new StringBuilder();
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            for (String table : TABLES) {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT * FROM " + table + " ORDER BY 1")) {
                    int columns = rs.getMetaData().getColumnCount();
                    all.append(table).append(':');
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            all.append(rs.getString(i)).append('|');
                        }
                        all.append('\n');
                    }
                }
            }
        }
        return all.toString();
    }

    void everyReadAnswers() {
        String site = "/api/v1/sites/" + library.siteId();
        String staff = library.staff();
        String admin = library.admin();
        for (String path : List.of("/api/v1/sites", site, site + "/rules", site + "/retention", site + "/rooms",
                "/api/v1/rooms/" + roomId, site + "/availability?date=2026-11-24", site + "/availability?date=2026-11-30",
                site + "/free-now?minutes=30", site + "/bookings?date=2026-11-24",
                site + "/statistics?from=2026-11-01&to=2026-12-31", "/api/v1/devices", "/api/v1/alerts?siteId=" + library.siteId(),
                "/api/v1/help-calls", "/api/v1/rooms/" + roomId + "/lock", "/api/v1/bookings/" + code)) {
            assertThat(api.get(path, staff).status()).as(path).isEqualTo(200);
        }
        for (String path : List.of("/api/v1/accounts", "/api/v1/kiosks", "/api/v1/audit")) {
            assertThat(api.get(path, admin).status()).as(path).isEqualTo(200);
        }
        assertThat(api.get(site + "/free-now?minutes=30", library.kiosk()).status()).isEqualTo(200);
    }
}
