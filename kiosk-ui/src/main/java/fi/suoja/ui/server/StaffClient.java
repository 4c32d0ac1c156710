package fi.suoja.ui.server;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
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

    private final ApiHttp api;
    private final String token;

    public StaffClient(URI base, String token) {
        this.api = new ApiHttp(base);
        this.token = token;
    }

    /** Logs in; a wrong name or password is {@link NotLoggedIn}. */
    public static StaffLogin login(URI base, String username, String password) {
        JsonNode answer = new StaffClient(base, null).send("POST", "/api/v1/auth/login",
                Map.of("username", username, "password", password));
        return new StaffLogin(answer.path("token").asText(), ApiHttp.instant(answer.path("expiresAt")),
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
            rooms.add(new Room(room.path("id").asLong(), room.path("name").asText(), room.path("place").asText(),
                    ApiHttp.text(room.path("doorLockId"))));
        }
        return rooms;
    }

    /** The library's bookings of one day, codes included. */
    public List<Booking> bookings(long siteId, LocalDate date) {
        List<Booking> bookings = new ArrayList<>();
        for (JsonNode booking : send("GET", "/api/v1/sites/" + siteId + "/bookings?date=" + date, null)) {
            bookings.add(Booking.of(booking));
        }
        return bookings;
    }

    public Booking checkIn(String code) {
        return Booking.of(send("POST", "/api/v1/bookings/" + ApiHttp.encode(code) + "/check-in", null));
    }

    public Booking end(String code) {
        return Booking.of(send("POST", "/api/v1/bookings/" + ApiHttp.encode(code) + "/end", null));
    }

    public Booking cancel(String code, String reason) {
        return Booking.of(send("POST", "/api/v1/bookings/" + ApiHttp.encode(code) + "/cancel",
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
        return device(send("POST", "/api/v1/devices/" + ApiHttp.encode(deviceId) + "/wipe", null));
    }

    public Device markFaulty(String deviceId, String reason) {
        return device(send("POST", "/api/v1/devices/" + ApiHttp.encode(deviceId) + "/faulty", Map.of("reason", reason)));
    }

    public Device repaired(String deviceId) {
        return device(send("POST", "/api/v1/devices/" + ApiHttp.encode(deviceId) + "/repaired", Map.of()));
    }

    public Device retire(String deviceId, String reason) {
        return device(send("POST", "/api/v1/devices/" + ApiHttp.encode(deviceId) + "/retire", Map.of("reason", reason)));
    }

    /** A device's finished wipes, newest first. */
    public List<WipeReport> wipeReports(String deviceId) {
        List<WipeReport> reports = new ArrayList<>();
        for (JsonNode r : send("GET", "/api/v1/devices/" + ApiHttp.encode(deviceId) + "/wipe-reports", null)) {
            List<String> failures = new ArrayList<>();
            r.path("failures").forEach(f -> failures.add(f.asText()));
            reports.add(new WipeReport(ApiHttp.instant(r.path("finishedAt")), r.path("verified").asBoolean(),
                    r.path("filesRemoved").asLong(), r.path("bytesRemoved").asLong(), r.path("durationMillis").asLong(),
                    failures, ApiHttp.text(r.path("checkedBy"))));
        }
        return reports;
    }

    /** The library's open alerts about doors and signs, oldest first. */
    public List<StaffAlert> openAlerts(long siteId) {
        List<StaffAlert> alerts = new ArrayList<>();
        for (JsonNode a : send("GET", "/api/v1/alerts?siteId=" + siteId, null)) {
            alerts.add(new StaffAlert(a.path("id").asLong(), ApiHttp.text(a.path("roomName")), a.path("message").asText(),
                    ApiHttp.instant(a.path("raisedAt"))));
        }
        return alerts;
    }

    public void acknowledgeAlert(long alertId) {
        send("POST", "/api/v1/alerts/" + alertId + "/acknowledge", null);
    }

    /** Opens a room's door now; the server answers only when the lock has. */
    public void unlock(long roomId) {
        send("POST", "/api/v1/rooms/" + roomId + "/unlock", null);
    }

    public List<HelpCall> openHelpCalls(long siteId) {
        List<HelpCall> calls = new ArrayList<>();
        for (JsonNode call : send("GET", "/api/v1/help-calls?open=true&siteId=" + siteId, null)) {
            calls.add(new HelpCall(call.path("id").asLong(), call.path("kioskName").asText(), call.path("status").asText(),
                    ApiHttp.instant(call.path("createdAt")), ApiHttp.text(call.path("acknowledgedBy"))));
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
        DeviceEvents events = new DeviceEvents(api.client(), HttpRequest.newBuilder(api.base().resolve("/api/v1/devices/events"))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token)
                .GET().build(), data -> onChange.accept(device(ApiHttp.parse(data))));
        events.open();
        return events;
    }

    static Device device(JsonNode d) {
        JsonNode loan = d.path("loan");
        boolean lent = !loan.isMissingNode() && !loan.isNull();
        JsonNode wipe = d.path("wipe");
        Long bookingId = lent && loan.hasNonNull("bookingId") ? loan.path("bookingId").asLong() : null;
        JsonNode last = d.path("lastWipe");
        boolean wiped = !last.isMissingNode() && !last.isNull();
        return new Device(d.path("id").asText(), d.path("tag").asText(), d.path("kind").asText(), d.path("siteId").asLong(),
                d.path("state").asText(),
                ApiHttp.text(d.path("stateReason")), d.path("agentManaged").asBoolean(), d.path("online").asBoolean(),
                ApiHttp.instant(d.path("lastSeenAt")), d.hasNonNull("batteryPercent") ? d.path("batteryPercent").asInt() : null,
                lent ? ApiHttp.instant(loan.path("dueAt")) : null, bookingId, lent && loan.path("walkIn").asBoolean(),
                wipe.isMissingNode() || wipe.isNull() ? null : ApiHttp.text(wipe.path("state")), ApiHttp.instant(d.path("stateChangedAt")),
                wiped ? ApiHttp.instant(last.path("finishedAt")) : null, wiped ? last.path("verified").asBoolean() : null,
                wiped ? last.path("durationMillis").asLong() : null);
    }

    private JsonNode send(String method, String path, Object body) {
        ApiHttp.Answer answer = api.exchange(method, path, token, body);
        if (answer.ok()) {
            return answer.body();
        }
        if (answer.status() == 401) {
            throw new NotLoggedIn(answer.request() + " answered 401");
        }
        // a 502 problem is the server telling about hardware behind it (a lock that did not answer):
        // a refusal to explain, not a server that is gone
        if (!answer.isProblem() || answer.status() == 500 || answer.status() == 503) {
            throw answer.unreachable();
        }
        throw answer.problem();
    }

    // ---- statistics ----

    /** The library's statistics for local days {@code from..to}, both included (at most a year). */
    public SiteStatistics statistics(long siteId, LocalDate from, LocalDate to) {
        return SiteStatistics.of(send("GET", "/api/v1/sites/" + siteId + "/statistics?from=" + from + "&to=" + to, null));
    }

    /** The same statistics as the server's CSV file, byte for byte (UTF-8 with a byte order mark). */
    public byte[] statisticsCsv(long siteId, LocalDate from, LocalDate to) {
        String path = "/api/v1/sites/" + siteId + "/statistics.csv?from=" + from + "&to=" + to;
        java.net.http.HttpResponse<byte[]> response;
        try {
            response = api.client().send(HttpRequest.newBuilder(api.base().resolve(path))
                    .timeout(java.time.Duration.ofSeconds(30))
                    .header("Accept", "text/csv, application/problem+json")
                    .header("Authorization", "Bearer " + token)
                    .GET().build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new ServerUnreachable("GET " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerUnreachable("GET " + path + " was interrupted", e);
        }
        if (response.statusCode() == 200) {
            return response.body();
        }
        ApiHttp.Answer answer = new ApiHttp.Answer("GET " + path, response.statusCode(),
                ApiHttp.parse(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8)),
                new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        if (answer.status() == 401) {
            throw new NotLoggedIn(answer.request() + " answered 401");
        }
        throw answer.status() >= 500 || !answer.isProblem() ? answer.unreachable() : answer.problem();
    }

    /** A room's calendar feed, as an absolute address on this server. */
    public CalendarLink calendarLink(long roomId) {
        JsonNode link = send("GET", "/api/v1/rooms/" + roomId + "/calendar-link", null);
        return new CalendarLink(link.path("roomId").asLong(), link.path("room").asText(), api.base().resolve(link.path("path").asText()));
    }
}
