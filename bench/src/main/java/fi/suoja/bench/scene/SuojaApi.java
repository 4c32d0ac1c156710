package fi.suoja.bench.scene;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The few calls of kiosk-server's REST API that set a library up; any unexpected answer stops the run. */
public final class SuojaApi {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public SuojaApi(URI base) {
        this.base = base;
    }

    public String login(String username, String password) {
        return call("POST", "/api/v1/auth/login", null, Map.of("username", username, "password", password), 200)
                .path("token").asText();
    }

    /** The booking rules of a benchmark library: 15-minute steps, 15 to 120 minutes, 14 days ahead, no card. */
    public static Map<String, Object> defaultRules() {
        Map<String, Object> rules = new LinkedHashMap<>();
        rules.put("slotStepMinutes", 15);
        rules.put("minBookingMinutes", 15);
        rules.put("maxBookingMinutes", 120);
        rules.put("maxDaysAhead", 14);
        rules.put("bufferMinutes", 10);
        rules.put("checkInGraceMinutes", 15);
        rules.put("doorCodeLeadMinutes", 10);
        rules.put("libraryCardRequired", false);
        rules.put("maxActiveBookingsPerCard", 2);
        rules.put("nameOnDoorAllowed", false);
        return rules;
    }

    /** A library whose rooms are booked in its own time zone. */
    public long createSite(String admin, String name, String timeZone, Map<String, Object> rules) {
        return call("POST", "/api/v1/sites", admin, Map.of("name", name, "timeZone", timeZone, "rules", rules), 201)
                .path("id").asLong();
    }

    /** A room with a keypad lock and a room sign, like the demo library's, open every day from {@code opens} to {@code closes}. */
    public long createRoom(String admin, long siteId, String name, String opens, String closes) {
        long id = call("POST", "/api/v1/sites/" + siteId + "/rooms", admin, Map.of(
                "name", name, "place", "Benchmark floor", "capacity", 2, "stepFree", true,
                "equipment", List.of("COMPUTER", "WEBCAM"), "doorLockId", "lock-" + name, "keypad", true,
                "roomSignId", "sign-" + name), 201).path("id").asLong();
        List<Map<String, String>> week = new ArrayList<>();
        Arrays.stream(DayOfWeek.values()).forEach(d -> week.add(Map.of("weekday", d.name(), "opens", opens, "closes", closes)));
        call("PUT", "/api/v1/rooms/" + id + "/hours", admin, week, 200);
        return id;
    }

    /** The kiosk benchmarks' library: a site in UTC with the default rules, three rooms open all day, and its kiosk. */
    public Kiosk benchmarkLibrary(String admin) {
        long site = createSite(admin, "Benchmark Library", "UTC", defaultRules());
        for (int i = 1; i <= 3; i++) {
            createRoom(admin, site, "Room " + i, "00:00", "23:55");
        }
        return createKiosk(admin, site, "Benchmark kiosk");
    }

    /** A kiosk at the library, with its token, which the server shows only this once. */
    public record Kiosk(long id, String token) {
    }

    public Kiosk createKiosk(String admin, long siteId, String name) {
        JsonNode made = call("POST", "/api/v1/kiosks", admin, Map.of("siteId", siteId, "name", name), 201);
        return new Kiosk(made.path("kiosk").path("id").asLong(), made.path("token").asText());
    }

    public JsonNode call(String method, String path, String token, Object body, int expected) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json");
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + " answered " + answer.statusCode()
                        + " instead of " + expected + ": " + answer.body());
            }
            return answer.body().isBlank() ? JSON.nullNode() : JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
