package fi.suoja.server;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real HTTP client of the running server, for tests. Answers are kept whole (status, content
 * type, body) so that tests can check errors as closely as successes.
 */
public final class Api {

    public static final String ADMIN_PASSWORD = "test-admin-password";

    private final URI base;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> headers;

    public Api(EmbeddedServer server) {
        this(server.getURI(), server.getApplicationContext().getBean(JsonMapper.class));
    }

    public Api(URI base, JsonMapper json) {
        this(base, json, Map.of());
    }

    private Api(URI base, JsonMapper json, Map<String, String> headers) {
        this.base = base;
        this.json = json;
        this.headers = headers;
    }

    /** The same client, sending this header too on every request (a staff desk naming itself). */
    public Api withHeader(String name, String value) {
        Map<String, String> more = new java.util.HashMap<>(headers);
        more.put(name, value);
        return new Api(base, json, Map.copyOf(more));
    }

    /** One answer of the server. {@code body} is the parsed JSON: a map, a list, or null. */
    public record Answer(int status, String contentType, String text, Object body) {

        @SuppressWarnings("unchecked")
        public Map<String, Object> map() {
            return (Map<String, Object>) body;
        }

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> list() {
            return (List<Map<String, Object>>) body;
        }

        /** A list inside the answer, such as a page's {@code entries}. */
        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> list(String key) {
            return (List<Map<String, Object>>) map().get(key);
        }

        public Object get(String key) {
            return map().get(key);
        }

        public String string(String key) {
            Object value = map().get(key);
            return value == null ? null : value.toString();
        }

        public long number(String key) {
            return ((Number) map().get(key)).longValue();
        }

        /** The stable problem type, for an error answer. */
        public String problem() {
            return string("type");
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }

    public Answer get(String path, String token) {
        return send("GET", path, token, null);
    }

    public Answer post(String path, String token, Object body) {
        return send("POST", path, token, body);
    }

    public Answer put(String path, String token, Object body) {
        return send("PUT", path, token, body);
    }

    public Answer delete(String path, String token) {
        return send("DELETE", path, token, null);
    }

    /** Sends a body as it is, for malformed and oversized input. */
    public Answer raw(String method, String path, String token, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return exchange(request.build());
    }

    public Answer send(String method, String path, String token, Object body) {
        String text;
        try {
            text = body == null ? "" : json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body == null) {
            request.method(method, method.equals("POST") || method.equals("PUT")
                    ? HttpRequest.BodyPublishers.ofString("") : HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(text));
        }
        return exchange(request.build());
    }

    private Answer exchange(HttpRequest request) {
        try {
            if (!headers.isEmpty()) {
                HttpRequest.Builder more = HttpRequest.newBuilder(request, (name, value) -> true);
                headers.forEach(more::header);
                request = more.build();
            }
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            Object parsed = null;
            if (!response.body().isBlank() && contentType.contains("json")) {
                parsed = json.readValue(response.body(), Object.class);
            }
            return new Answer(response.statusCode(), contentType, response.body(), parsed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- shortcuts for setting up a scene ----

    public String login(String username, String password) {
        Answer answer = post("/api/v1/auth/login", null, Map.of("username", username, "password", password));
        if (answer.status() != 200) {
            throw new AssertionError("login failed: " + answer);
        }
        return answer.string("token");
    }

    public String loginAdmin() {
        return login("admin", ADMIN_PASSWORD);
    }

    /** Creates a staff account and logs it in. */
    public String staffToken(String adminToken, String username) {
        expect(201, post("/api/v1/accounts", adminToken,
                Map.of("username", username, "password", "staff-password-123", "role", "STAFF")));
        return login(username, "staff-password-123");
    }

    public long createSite(String adminToken, String name, Map<String, Object> rules) {
        Map<String, Object> body = rules == null
                ? Map.of("name", name, "timeZone", "Europe/Helsinki")
                : Map.of("name", name, "timeZone", "Europe/Helsinki", "rules", rules);
        return expect(201, post("/api/v1/sites", adminToken, body)).number("id");
    }

    /** A room open every day from {@code opens} to {@code closes}, with a keypad lock. */
    public long createRoom(String adminToken, long siteId, String name, String opens, String closes) {
        long roomId = expect(201, post("/api/v1/sites/" + siteId + "/rooms", adminToken, Map.of(
                "name", name, "place", "2nd floor", "capacity", 2, "stepFree", true,
                "equipment", List.of("COMPUTER", "WEBCAM"), "doorLockId", "lock-" + name, "keypad", true))).number("id");
        List<Map<String, String>> week = java.util.Arrays.stream(java.time.DayOfWeek.values())
                .map(d -> Map.of("weekday", d.name(), "opens", opens, "closes", closes))
                .toList();
        expect(200, put("/api/v1/rooms/" + roomId + "/hours", adminToken, week));
        return roomId;
    }

    /**
     * A library of one test's own: an admin session, a staff account, a site with these rules and
     * a lobby kiosk, all named with {@code unique} so tests on one database never meet.
     */
    public record Library(String admin, String unique, String staff, long siteId, String kiosk, long kioskId) {

        public String kioskName() {
            return "Lobby " + unique;
        }
    }

    public Library library(Map<String, Object> rules) {
        String admin = loginAdmin();
        String unique = java.util.UUID.randomUUID().toString().substring(0, 8);
        String staff = staffToken(admin, "staff-" + unique);
        long siteId = createSite(admin, "Library " + unique, rules);
        Answer kiosk = expect(201, post("/api/v1/kiosks", admin, Map.of("siteId", siteId, "name", "Lobby " + unique)));
        long kioskId = ((Number) ((Map<?, ?>) kiosk.get("kiosk")).get("id")).longValue();
        return new Library(admin, unique, staff, siteId, kiosk.string("token"), kioskId);
    }

    public String kioskToken(String adminToken, long siteId, String name) {
        return expect(201, post("/api/v1/kiosks", adminToken, Map.of("siteId", siteId, "name", name))).string("token");
    }

    public static Answer expect(int status, Answer answer) {
        if (answer.status() != status) {
            throw new AssertionError("expected " + status + " but got " + answer);
        }
        return answer;
    }

    /** Rules as the API takes them, starting from sensible values. */
    public static Map<String, Object> rules(Object... overrides) {
        Map<String, Object> rules = new java.util.LinkedHashMap<>(Map.of(
                "slotStepMinutes", 15, "minBookingMinutes", 15, "maxBookingMinutes", 120, "maxDaysAhead", 14,
                "bufferMinutes", 10, "checkInGraceMinutes", 15, "doorCodeLeadMinutes", 10,
                "libraryCardRequired", false, "maxActiveBookingsPerCard", 2, "nameOnDoorAllowed", false));
        for (int i = 0; i < overrides.length; i += 2) {
            rules.put((String) overrides[i], overrides[i + 1]);
        }
        return rules;
    }
}
