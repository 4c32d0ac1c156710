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
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * kiosk-server's staff API, over HTTP with one staff member's token. Every call answers, or throws
 * {@link NotLoggedIn} (401: the session is over), {@link ServerProblem} (the server said no, with
 * its problem type) or {@link ServerUnreachable}.
 */
public class StaffClient {

    private static final String PROBLEM_PREFIX = "urn:suoja:problem:";
    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final URI base;
    private final String token;
    private final HttpClient http;

    public StaffClient(URI base, String token) {
        this(base, token, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build());
    }

    private StaffClient(URI base, String token, HttpClient http) {
        this.base = base;
        this.token = token;
        this.http = http;
    }

    /** Logs in; a wrong name or password is {@link NotLoggedIn}. */
    public static StaffLogin login(URI base, String username, String password) {
        JsonNode answer = new StaffClient(base, null).send("POST", "/api/v1/auth/login",
                Map.of("username", username, "password", password));
        return new StaffLogin(answer.path("token").asText(), instant(answer.path("expiresAt")),
                answer.path("username").asText(), answer.path("role").asText());
    }

    public void logout() {
        send("POST", "/api/v1/auth/logout", null);
    }

    /** Asks the server whether the token still holds; {@link NotLoggedIn} when not. */
    public void checkSession() {
        send("GET", "/api/v1/auth/me", null);
    }

    public List<Site> sites() {
        List<Site> sites = new ArrayList<>();
        for (JsonNode site : send("GET", "/api/v1/sites", null)) {
            sites.add(Site.of(site));
        }
        return sites;
    }

    public List<Room> rooms(long siteId) {
        List<Room> rooms = new ArrayList<>();
        for (JsonNode room : send("GET", "/api/v1/sites/" + siteId + "/rooms", null)) {
            rooms.add(new Room(room.path("id").asLong(), room.path("name").asText(), room.path("place").asText()));
        }
        return rooms;
    }

    /** The library's bookings of one day, codes included. */
    public List<Booking> bookings(long siteId, LocalDate date) {
        List<Booking> bookings = new ArrayList<>();
        for (JsonNode booking : send("GET", "/api/v1/sites/" + siteId + "/bookings?date=" + date, null)) {
            bookings.add(booking(booking));
        }
        return bookings;
    }

    public Booking checkIn(String code) {
        return booking(send("POST", "/api/v1/bookings/" + encode(code) + "/check-in", null));
    }

    public Booking end(String code) {
        return booking(send("POST", "/api/v1/bookings/" + encode(code) + "/end", null));
    }

    public Booking cancel(String code, String reason) {
        return booking(send("POST", "/api/v1/bookings/" + encode(code) + "/cancel",
                reason == null || reason.isBlank() ? Map.of() : Map.of("reason", reason.strip())));
    }

    public List<Device> devices(long siteId) {
        List<Device> devices = new ArrayList<>();
        for (JsonNode device : send("GET", "/api/v1/devices?siteId=" + siteId, null)) {
            devices.add(device(device));
        }
        return devices;
    }

    public Device handOutForBooking(String tag, String bookingCode) {
        return device(send("POST", "/api/v1/devices/hand-out", Map.of("tag", tag, "bookingCode", bookingCode)));
    }

    public Device handOutWalkIn(String tag, Instant until) {
        return device(send("POST", "/api/v1/devices/hand-out", Map.of("tag", tag, "walkInUntil", until.toString())));
    }

    public Device takeBack(String tag) {
        return device(send("POST", "/api/v1/devices/return", Map.of("tag", tag)));
    }

    public Device wipeNow(String deviceId) {
        return device(send("POST", "/api/v1/devices/" + encode(deviceId) + "/wipe", null));
    }

    public Device markFaulty(String deviceId, String reason) {
        return device(send("POST", "/api/v1/devices/" + encode(deviceId) + "/faulty", Map.of("reason", reason)));
    }

    public Device repaired(String deviceId) {
        return device(send("POST", "/api/v1/devices/" + encode(deviceId) + "/repaired", Map.of()));
    }

    public Device retire(String deviceId, String reason) {
        return device(send("POST", "/api/v1/devices/" + encode(deviceId) + "/retire", Map.of("reason", reason)));
    }

    public List<HelpCall> openHelpCalls(long siteId) {
        List<HelpCall> calls = new ArrayList<>();
        for (JsonNode call : send("GET", "/api/v1/help-calls?open=true&siteId=" + siteId, null)) {
            calls.add(new HelpCall(call.path("id").asLong(), call.path("kioskName").asText(), call.path("status").asText(),
                    instant(call.path("createdAt")), text(call.path("acknowledgedBy"))));
        }
        return calls;
    }

    public void acknowledge(long helpCallId) {
        send("POST", "/api/v1/help-calls/" + helpCallId + "/acknowledge", null);
    }

    public void resolve(long helpCallId) {
        send("POST", "/api/v1/help-calls/" + helpCallId + "/resolve", null);
    }

    /**
     * Follows the server's device events ({@code text/event-stream}) until closed, and hands each
     * changed device to {@code onChange} on an HTTP client thread. A broken stream is opened again.
     */
    public DeviceEvents followDevices(Consumer<Device> onChange) {
        DeviceEvents events = new DeviceEvents(http, HttpRequest.newBuilder(base.resolve("/api/v1/devices/events"))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token)
                .GET().build(), data -> onChange.accept(device(parse(data))));
        events.open();
        return events;
    }

    static Device device(JsonNode d) {
        JsonNode loan = d.path("loan");
        boolean lent = !loan.isMissingNode() && !loan.isNull();
        JsonNode wipe = d.path("wipe");
        Long bookingId = lent && loan.hasNonNull("bookingId") ? loan.path("bookingId").asLong() : null;
        return new Device(d.path("id").asText(), d.path("tag").asText(), d.path("kind").asText(), d.path("siteId").asLong(),
                d.path("state").asText(),
                text(d.path("stateReason")), d.path("agentManaged").asBoolean(), d.path("online").asBoolean(),
                instant(d.path("lastSeenAt")), d.hasNonNull("batteryPercent") ? d.path("batteryPercent").asInt() : null,
                lent ? instant(loan.path("dueAt")) : null, bookingId, lent && loan.path("walkIn").asBoolean(),
                wipe.isMissingNode() || wipe.isNull() ? null : text(wipe.path("state")), instant(d.path("stateChangedAt")));
    }

    private static Booking booking(JsonNode b) {
        return new Booking(b.path("code").asText(), b.path("roomId").asLong(), b.path("roomName").asText(),
                b.path("place").asText(), b.path("timeZone").asText(), Instant.parse(b.path("start").asText()),
                Instant.parse(b.path("end").asText()), b.path("status").asText(), text(b.path("doorCode")),
                instant(b.path("doorCodeValidFrom")), instant(b.path("checkedInAt")));
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    private static Instant instant(JsonNode node) {
        String text = text(node);
        return text == null ? null : Instant.parse(text);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode send(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response;
        try {
            if (body == null) {
                request.method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("") : HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
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
        if (status == 401) {
            throw new NotLoggedIn(method + " " + path + " answered 401");
        }
        String type = answer.path("type").asText("");
        if (status >= 500 || !type.startsWith(PROBLEM_PREFIX)) {
            throw new ServerUnreachable(method + " " + path + " answered " + status + ": " + response.body(), null);
        }
        throw new ServerProblem(status, type.substring(PROBLEM_PREFIX.length()), text(answer.path("rule")),
                answer.path("detail").asText(""), text(answer.path("state")), text(answer.path("reason")));
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }
}
