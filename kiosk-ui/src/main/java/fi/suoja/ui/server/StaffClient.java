package fi.suoja.ui.server;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
        this(base, token, null);
    }

    /** {@code desk}: the desk these calls come from, as the server's audit log shows it. */
    public StaffClient(URI base, String token, String desk) {
        this.api = new ApiHttp(base, desk);
        this.token = token;
    }

    /** Logs in; a wrong name or password is {@link NotLoggedIn}. */
    public static StaffLogin login(URI base, String username, String password) {
        return new StaffClient(base, null).send("POST", "/api/v1/auth/login",
                Map.of("username", username, "password", password)).as(StaffLogin.class);
    }

    public void logout() {
        send("POST", "/api/v1/auth/logout", null);
    }

    /** Asks the server whether the token still holds; {@link NotLoggedIn} when not. */
    public void checkSession() {
        send("GET", "/api/v1/auth/me", null);
    }

    public List<Site> sites() {
        return send("GET", "/api/v1/sites", null).listOf(Site.class);
    }

    public List<Room> rooms(long siteId) {
        return send("GET", "/api/v1/sites/" + siteId + "/rooms", null).listOf(RoomView.class).stream().map(RoomView::room).toList();
    }

    /** The library's bookings of one day, codes included. */
    public List<Booking> bookings(long siteId, LocalDate date) {
        return send("GET", "/api/v1/sites/" + siteId + "/bookings?date=" + date, null).listOf(Booking.class);
    }

    public Booking checkIn(String code) {
        return send("POST", "/api/v1/bookings/" + ApiHttp.encode(code) + "/check-in", null).as(Booking.class);
    }

    public Booking end(String code) {
        return send("POST", "/api/v1/bookings/" + ApiHttp.encode(code) + "/end", null).as(Booking.class);
    }

    public Booking cancel(String code, String reason) {
        return send("POST", "/api/v1/bookings/" + ApiHttp.encode(code) + "/cancel",
                reason == null || reason.isBlank() ? Map.of() : Map.of("reason", reason.strip())).as(Booking.class);
    }

    public List<Device> devices(long siteId) {
        return send("GET", "/api/v1/devices?siteId=" + siteId, null).listOf(Device.class);
    }

    public Device handOutForBooking(String tag, String bookingCode) {
        return send("POST", "/api/v1/devices/hand-out", Map.of("tag", tag, "bookingCode", bookingCode)).as(Device.class);
    }

    public Device handOutWalkIn(String tag, Instant until) {
        return send("POST", "/api/v1/devices/hand-out", Map.of("tag", tag, "walkInUntil", until.toString())).as(Device.class);
    }

    /** The device is scanned back: a laptop's wipe starts, a webcam or headset is checked by this staff member. */
    public Device returnDevice(String tag) {
        return send("POST", "/api/v1/devices/return", Map.of("tag", tag)).as(Device.class);
    }

    public Device wipe(String deviceId) {
        return send("POST", "/api/v1/devices/" + ApiHttp.encode(deviceId) + "/wipe", null).as(Device.class);
    }

    /** "Wipe now" for all these devices at once: all of them, or none if one may not be wiped now. */
    public List<Device> wipeAll(List<String> deviceIds) {
        return send("POST", "/api/v1/devices/wipe", Map.of("devices", deviceIds)).listOf(Device.class);
    }

    public Device faulty(String deviceId, String reason) {
        return send("POST", "/api/v1/devices/" + ApiHttp.encode(deviceId) + "/faulty", Map.of("reason", reason)).as(Device.class);
    }

    public Device repaired(String deviceId) {
        return send("POST", "/api/v1/devices/" + ApiHttp.encode(deviceId) + "/repaired", Map.of()).as(Device.class);
    }

    /** The server forgets the device's session tracking and hears its agent's next signed message. */
    public Device hearAgain(String deviceId) {
        return send("POST", "/api/v1/devices/" + ApiHttp.encode(deviceId) + "/hear-again", Map.of()).as(Device.class);
    }

    public Device retire(String deviceId, String reason) {
        return send("POST", "/api/v1/devices/" + ApiHttp.encode(deviceId) + "/retire", Map.of("reason", reason)).as(Device.class);
    }

    /** A device's finished wipes, newest first. */
    public List<WipeReport> wipeReports(String deviceId) {
        return send("GET", "/api/v1/devices/" + ApiHttp.encode(deviceId) + "/wipe-reports", null).listOf(WipeReport.class);
    }

    /** The device's loans, wipes, faults and repairs, newest first (the server's newest {@code limit}). */
    public DeviceHistory deviceHistory(String deviceId, int limit) {
        return send("GET", "/api/v1/devices/" + ApiHttp.encode(deviceId) + "/history?limit=" + limit, null).as(DeviceHistory.class);
    }

    /** The library's open alerts about doors and signs, oldest first. */
    public List<StaffAlert> openAlerts(long siteId) {
        return send("GET", "/api/v1/alerts?siteId=" + siteId, null).listOf(StaffAlert.class);
    }

    /**
     * Follows the library's alerts until closed: {@code onState} gets the open ones on every
     * (re)connect, {@code onChange} each raise or acknowledgement after that, on an HTTP client thread.
     */
    public ServerEvents followAlerts(long siteId, Consumer<List<StaffAlert>> onState, Consumer<AlertChange> onChange) {
        return api.follow("/api/v1/alerts/events?siteId=" + siteId, token, Map.of(
                "alerts", data -> onState.accept(AlertChange.open(data)),
                "alert", data -> onChange.accept(AlertChange.of(data))));
    }

    public void acknowledgeAlert(long alertId) {
        send("POST", "/api/v1/alerts/" + alertId + "/acknowledge", null);
    }

    /** Opens a room's door now; the server answers only when the lock has. */
    public void unlock(long roomId) {
        send("POST", "/api/v1/rooms/" + roomId + "/unlock", null);
    }

    public HelpCall acknowledge(long helpCallId) {
        return send("POST", "/api/v1/help-calls/" + helpCallId + "/acknowledge", null).as(HelpCall.class);
    }

    public HelpCall resolve(long helpCallId) {
        return send("POST", "/api/v1/help-calls/" + helpCallId + "/resolve", null).as(HelpCall.class);
    }

    /**
     * Follows the help calls of a library until closed: {@code onState} gets its open calls on
     * every (re)connect, {@code onChange} every change of one of its calls after that, on an HTTP
     * client thread.
     */
    public ServerEvents followHelpCalls(long siteId, Consumer<List<HelpCall>> onState, Consumer<HelpCall> onChange) {
        return api.follow("/api/v1/help-calls/events?siteId=" + siteId, token, Map.of(
                "help-calls", data -> onState.accept(ApiHttp.events(data, HelpCall.class)),
                "help-call", data -> onChange.accept(ApiHttp.event(data, HelpCall.class))));
    }

    /**
     * Follows the server's device events ({@code text/event-stream}) until closed: {@code onConnect}
     * on every (re)connect, once the server follows the changes for this stream (its greeting), and
     * {@code onChange} each changed device after that, on an HTTP client thread. The stream carries
     * no list of devices, so a change made before it was open, or while it was broken, reaches the
     * desk only by reading the devices again on {@code onConnect}. A broken stream is opened again.
     */
    public ServerEvents followDevices(Runnable onConnect, Consumer<Device> onChange) {
        return api.follow("/api/v1/devices/events", token, Map.of(
                "hello", data -> onConnect.run(),
                "device", data -> onChange.accept(ApiHttp.event(data, Device.class))));
    }

    private ApiHttp.Answer send(String method, String path, Object body) {
        ApiHttp.Answer answer = api.exchange(method, path, token, body);
        if (answer.ok()) {
            return answer;
        }
        throw refusal(answer);
    }

    /** What an answer other than 2xx means to the desk: an ended session, a lost server, or a refusal to explain. */
    private static RuntimeException refusal(ApiHttp.Answer answer) {
        if (answer.status() == 401) {
            return new NotLoggedIn(answer.request() + " answered 401");
        }
        // a 502 problem is the server telling about hardware behind it (a lock that did not answer):
        // a refusal to explain, not a server that is gone
        if (!answer.isProblem() || answer.status() == 500 || answer.status() == 503) {
            return answer.unreachable();
        }
        return answer.problem();
    }

    // ---- statistics ----

    /**
     * The library's statistics for local days {@code from..to}, both included (at most a year),
     * with room names in {@code language} (the desk's).
     */
    public SiteStatistics statistics(long siteId, LocalDate from, LocalDate to, String language) {
        return send("GET", "/api/v1/sites/" + siteId + "/statistics?from=" + from + "&to=" + to
                + "&lang=" + ApiHttp.encode(language), null).as(SiteStatistics.class);
    }

    /** The numbers behind the statistics pictures, for the tables beside them. */
    public StatisticsSeries statisticsSeries(long siteId, LocalDate from, LocalDate to, String language) {
        return send("GET", "/api/v1/sites/" + siteId + "/statistics?from=" + from + "&to=" + to
                + "&lang=" + ApiHttp.encode(language), null).as(StatisticsSeries.class);
    }

    /** One statistics picture as the server draws it (SVG): {@code occupancy}, {@code bookings}, {@code loans} or {@code wipes}. */
    public byte[] statisticsChart(long siteId, String chart, LocalDate from, LocalDate to, String language) {
        return download("/api/v1/sites/" + siteId + "/statistics/" + chart + ".svg?from=" + from + "&to=" + to
                + "&lang=" + ApiHttp.encode(language), "image/svg+xml, application/problem+json");
    }

    /** The same statistics as the server's CSV file, byte for byte (UTF-8 with a byte order mark). */
    public byte[] statisticsCsv(long siteId, LocalDate from, LocalDate to, String language) {
        String path = "/api/v1/sites/" + siteId + "/statistics.csv?from=" + from + "&to=" + to + "&lang=" + ApiHttp.encode(language);
        return download(path, "text/csv, application/problem+json");
    }

    private byte[] download(String path, String accept) {
        java.net.http.HttpResponse<byte[]> response;
        try {
            response = api.client().send(HttpRequest.newBuilder(api.base().resolve(path))
                    .timeout(java.time.Duration.ofSeconds(30))
                    .header("Accept", accept)
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
                new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        throw refusal(answer);
    }

    /**
     * A page of the audit log (admins only), newest first: entries from {@code from} up to
     * {@code to}, of one {@code actor} and one {@code action} where those are not null.
     */
    public AuditPage audit(Instant from, Instant to, String actor, AuditEntry.Action action, int page, int size) {
        StringBuilder query = new StringBuilder("/api/v1/audit?from=" + from + "&to=" + to + "&page=" + page + "&size=" + size);
        if (actor != null && !actor.isBlank()) {
            query.append("&actor=").append(ApiHttp.encode(actor.strip()));
        }
        if (action != null) {
            query.append("&action=").append(action.name());
        }
        return send("GET", query.toString(), null).as(AuditPage.class);
    }

    /** A room's calendar feed, as an absolute address on this server. */
    public CalendarLink calendarLink(long roomId, String language) {
        CalendarLink.Answer link = send("GET", "/api/v1/rooms/" + roomId + "/calendar-link?lang=" + ApiHttp.encode(language), null)
                .as(CalendarLink.Answer.class);
        return new CalendarLink(link.roomId(), link.room(), api.base().resolve(link.path()));
    }

    // ---- administration (admin role): rooms, rules, retention, devices, kiosks, accounts ----

    public List<AdminRoom> adminRooms(long siteId) {
        return send("GET", "/api/v1/sites/" + siteId + "/rooms", null).listOf(RoomView.class).stream().map(RoomView::adminRoom).toList();
    }

    public AdminRoom createRoom(long siteId, AdminRoom.Details details) {
        return send("POST", "/api/v1/sites/" + siteId + "/rooms", roomBody(details, true)).as(RoomView.class).adminRoom();
    }

    public AdminRoom updateRoom(long roomId, AdminRoom.Details details, boolean active) {
        return send("PUT", "/api/v1/rooms/" + roomId, roomBody(details, active)).as(RoomView.class).adminRoom();
    }

    /** Replaces the room's weekly hours; a weekday not in {@code week} is closed. */
    public AdminRoom setWeeklyHours(long roomId, List<AdminRoom.Hours> week) {
        List<Map<String, String>> body = new ArrayList<>();
        for (AdminRoom.Hours hours : week) {
            body.add(Map.of("weekday", hours.weekday().name(), "opens", hours.opens().toString(), "closes", hours.closes().toString()));
        }
        return send("PUT", "/api/v1/rooms/" + roomId + "/hours", body).as(RoomView.class).adminRoom();
    }

    /** Sets a day's other hours, or closes the room that day when {@code opens} is null. */
    public AdminRoom setExceptionDay(long roomId, LocalDate date, LocalTime opens, LocalTime closes, String note) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("closed", opens == null);
        if (opens != null) {
            body.put("opens", opens.toString());
        }
        if (closes != null) {
            body.put("closes", closes.toString());
        }
        if (note != null && !note.isBlank()) {
            body.put("note", note.strip());
        }
        return send("PUT", "/api/v1/rooms/" + roomId + "/exceptions/" + date, body).as(RoomView.class).adminRoom();
    }

    public AdminRoom removeExceptionDay(long roomId, LocalDate date) {
        return send("DELETE", "/api/v1/rooms/" + roomId + "/exceptions/" + date, null).as(RoomView.class).adminRoom();
    }

    public BookingRules bookingRules(long siteId) {
        return send("GET", "/api/v1/sites/" + siteId + "/rules", null).as(BookingRules.class);
    }

    public BookingRules updateBookingRules(long siteId, BookingRules rules) {
        return send("PUT", "/api/v1/sites/" + siteId + "/rules", rules).as(BookingRules.class);
    }

    public Retention retention(long siteId) {
        return send("GET", "/api/v1/sites/" + siteId + "/retention", null).as(Retention.class);
    }

    /** Sets the library's own retention days (the server takes 1 to 365). */
    public Retention setRetention(long siteId, int days) {
        return send("PUT", "/api/v1/sites/" + siteId + "/retention", Map.of("retentionDays", days)).as(Retention.class);
    }

    /** The library goes back to the server's retention setting. */
    public Retention resetRetention(long siteId) {
        return send("DELETE", "/api/v1/sites/" + siteId + "/retention", null).as(Retention.class);
    }

    /** Registers a device; the answer carries the agent's configuration, which the server never shows again. */
    public ProvisionedDevice registerDevice(long siteId, DeviceKind kind, String tag) {
        return send("POST", "/api/v1/devices", Map.of("siteId", siteId, "kind", kind.name(), "tag", tag)).as(ProvisionedDevice.class);
    }

    public BrokerFiles brokerFiles() {
        return send("GET", "/api/v1/devices/broker-files", null).as(BrokerFiles.class);
    }

    public List<Kiosk> kiosks() {
        return send("GET", "/api/v1/kiosks", null).listOf(Kiosk.class);
    }

    public NewKioskToken createKiosk(long siteId, String name) {
        return send("POST", "/api/v1/kiosks", Map.of("siteId", siteId, "name", name)).as(NewKioskToken.class);
    }

    public NewKioskToken renewKioskToken(long kioskId) {
        return send("POST", "/api/v1/kiosks/" + kioskId + "/token", null).as(NewKioskToken.class);
    }

    public Kiosk revokeKiosk(long kioskId) {
        return send("POST", "/api/v1/kiosks/" + kioskId + "/revoke", null).as(Kiosk.class);
    }

    public List<Account> accounts() {
        return send("GET", "/api/v1/accounts", null).listOf(Account.class);
    }

    /** {@code role} is {@link Role#STAFF} or {@link Role#ADMIN}. */
    public Account createAccount(String username, String password, Role role) {
        return send("POST", "/api/v1/accounts", Map.of("username", username, "password", password, "role", role.name()))
                .as(Account.class);
    }

    /** Sets a new password; the account's sessions end. */
    public Account resetPassword(long accountId, String password) {
        return send("PUT", "/api/v1/accounts/" + accountId + "/password", Map.of("password", password)).as(Account.class);
    }

    public Account deactivateAccount(long accountId) {
        return send("POST", "/api/v1/accounts/" + accountId + "/deactivate", null).as(Account.class);
    }

    private static Map<String, Object> roomBody(AdminRoom.Details details, boolean active) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", details.name());
        body.put("place", details.place());
        // the other languages in full: what is left out has no text of its own any more
        body.put("names", details.names());
        body.put("places", details.places());
        body.put("capacity", details.capacity());
        body.put("stepFree", details.stepFree());
        body.put("equipment", details.equipment().stream().map(Enum::name).sorted().toList());
        body.put("doorLockId", blankToNull(details.doorLockId()));
        body.put("keypad", details.keypad());
        body.put("roomSignId", blankToNull(details.roomSignId()));
        body.put("active", active);
        return body;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
