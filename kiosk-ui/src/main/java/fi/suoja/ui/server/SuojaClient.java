package fi.suoja.ui.server;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * kiosk-server's API as the kiosk uses it, over HTTP with the kiosk's token. Every call either
 * answers, throws {@link ServerProblem} (the server said no) or {@link ServerUnreachable}.
 */
public class SuojaClient {

    private static final String PROBLEM_PREFIX = "urn:suoja:problem:";

    private final URI base;
    private final String token;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public SuojaClient(URI base, String token) {
        this.base = base;
        this.token = token;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    }

    /**
     * Whether the kiosk can work: the server answers and still accepts this kiosk's token. Used by
     * the "does not work" screen to come back by itself.
     */
    public boolean reachable() {
        try {
            me();
            return true;
        } catch (ServerUnreachable | ServerProblem e) {
            return false;
        }
    }

    /** This kiosk's name and library. */
    public KioskIdentity me() {
        JsonNode me = send("GET", "/api/v1/kiosks/me", null);
        return new KioskIdentity(me.path("id").asLong(), me.path("siteId").asLong(), me.path("name").asText());
    }

    public Site site(long siteId) {
        return Site.of(send("GET", "/api/v1/sites/" + siteId, null));
    }

    /** Rooms free from this moment for at least {@code minutes}. */
    public List<RoomChoice> freeNow(long siteId, int minutes) {
        List<RoomChoice> rooms = new ArrayList<>();
        for (JsonNode room : send("GET", "/api/v1/sites/" + siteId + "/free-now?minutes=" + minutes, null)) {
            rooms.add(new RoomChoice(room.path("roomId").asLong(), room.path("name").asText(), room.path("place").asText(),
                    room.path("capacity").asInt(), room.path("stepFree").asBoolean(), equipment(room.path("equipment")),
                    List.of(Instant.parse(room.path("start").asText())), room.path("maxMinutes").asInt()));
        }
        return rooms;
    }

    /** Rooms and the start times on {@code date} that fit a booking of {@code minutes}. */
    public List<RoomChoice> availability(long siteId, LocalDate date, int minutes) {
        List<RoomChoice> rooms = new ArrayList<>();
        for (JsonNode room : send("GET", "/api/v1/sites/" + siteId + "/availability?date=" + date + "&minutes=" + minutes, null)) {
            List<Instant> starts = new ArrayList<>();
            room.path("starts").forEach(s -> starts.add(Instant.parse(s.asText())));
            rooms.add(new RoomChoice(room.path("roomId").asLong(), room.path("name").asText(), room.path("place").asText(),
                    room.path("capacity").asInt(), room.path("stepFree").asBoolean(), equipment(room.path("equipment")),
                    starts, minutes));
        }
        return rooms;
    }

    /** Books a room; {@code language} is the kiosk's language then, kept for statistics. */
    public Booking book(long roomId, Instant start, int minutes, String language) {
        return book(roomId, start, minutes, language, null);
    }

    /** Books a room with the visitor's library card number, where the library asks for one. */
    public Booking book(long roomId, Instant start, int minutes, String language, String libraryCard) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("roomId", roomId, "start", start.toString(),
                "minutes", minutes, "language", language));
        if (libraryCard != null) {
            body.put("libraryCard", libraryCard);
        }
        return booking(send("POST", "/api/v1/bookings", body));
    }

    public Booking find(String code) {
        return booking(send("GET", "/api/v1/bookings/" + encode(code), null));
    }

    public Booking checkIn(String code) {
        return booking(send("POST", "/api/v1/bookings/" + encode(code) + "/check-in", null));
    }

    public Booking extend(String code, int minutes) {
        return booking(send("POST", "/api/v1/bookings/" + encode(code) + "/extend", Map.of("minutes", minutes)));
    }

    public Booking end(String code) {
        return booking(send("POST", "/api/v1/bookings/" + encode(code) + "/end", null));
    }

    public Booking cancel(String code) {
        return booking(send("POST", "/api/v1/bookings/" + encode(code) + "/cancel", Map.of()));
    }

    /** Raises a help call for this kiosk; the staff desk sees it at once. */
    public void callForHelp() {
        send("POST", "/api/v1/help-calls", null);
    }

    private Booking booking(JsonNode b) {
        return new Booking(b.path("code").asText(), b.path("roomId").asLong(), b.path("roomName").asText(),
                b.path("place").asText(), b.path("timeZone").asText(), Instant.parse(b.path("start").asText()),
                Instant.parse(b.path("end").asText()), b.path("status").asText(), text(b.path("doorCode")),
                instant(b.path("doorCodeValidFrom")), instant(b.path("checkedInAt")));
    }

    private static Set<Equipment> equipment(JsonNode list) {
        Set<Equipment> equipment = EnumSet.noneOf(Equipment.class);
        for (JsonNode item : list) {
            for (Equipment e : Equipment.values()) {
                if (e.name().equals(item.asText())) {
                    equipment.add(e);
                }
            }
        }
        return equipment;
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    private static Instant instant(JsonNode node) {
        String text = text(node);
        return text == null ? null : Instant.parse(text);
    }

    private static String encode(String code) {
        return URLEncoder.encode(code, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode send(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token);
        HttpResponse<String> response;
        try {
            if (body == null) {
                request.method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("") : HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            }
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ServerUnreachable(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerUnreachable(method + " " + path + " was interrupted", e);
        }
        int status = response.statusCode();
        JsonNode answer = parse(response.body());
        if (status >= 200 && status < 300) {
            return answer;
        }
        String type = answer.path("type").asText("");
        if (status >= 500 || status == 401 || status == 403 || !type.startsWith(PROBLEM_PREFIX)) {
            // a server that fails inside, one that no longer takes this kiosk's token, or something
            // that is not our server: the visitor can do nothing about any of them, staff can
            throw new ServerUnreachable(method + " " + path + " answered " + status + ": " + response.body(), null);
        }
        throw new ServerProblem(status, type.substring(PROBLEM_PREFIX.length()), text(answer.path("rule")),
                answer.path("detail").asText(""));
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return json.missingNode();
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return json.missingNode();
        }
    }
}
