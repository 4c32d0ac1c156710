package fi.suoja.ui.server;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
                    RoomTexts.of(room), ApiHttp.text(room.path("doorLockId"))));
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

    /** The server forgets the device's session tracking and hears its agent's next signed message. */
    public Device hearAgain(String deviceId) {
        return device(send("POST", "/api/v1/devices/" + ApiHttp.encode(deviceId) + "/hear-again", Map.of()));
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

    /**
     * Follows the library's alerts until closed: {@code onState} gets the open ones on every
     * (re)connect, {@code onChange} each raise or acknowledgement after that, on an HTTP client thread.
     */
    public ServerEvents followAlerts(long siteId, Consumer<List<StaffAlert>> onState, Consumer<AlertChange> onChange) {
        return api.follow("/api/v1/alerts/events?siteId=" + siteId, token, Map.of(
                "alerts", data -> onState.accept(AlertChange.open(ApiHttp.parse(data))),
                "alert", data -> onChange.accept(AlertChange.of(ApiHttp.parse(data)))));
    }

    public void acknowledgeAlert(long alertId) {
        send("POST", "/api/v1/alerts/" + alertId + "/acknowledge", null);
    }

    /** Opens a room's door now; the server answers only when the lock has. */
    public void unlock(long roomId) {
        send("POST", "/api/v1/rooms/" + roomId + "/unlock", null);
    }

    public HelpCall acknowledge(long helpCallId) {
        return HelpCall.of(send("POST", "/api/v1/help-calls/" + helpCallId + "/acknowledge", null));
    }

    public HelpCall resolve(long helpCallId) {
        return HelpCall.of(send("POST", "/api/v1/help-calls/" + helpCallId + "/resolve", null));
    }

    /**
     * Follows the help calls of a library until closed: {@code onState} gets its open calls on
     * every (re)connect, {@code onChange} every change of one of its calls after that, on an HTTP
     * client thread.
     */
    public ServerEvents followHelpCalls(long siteId, Consumer<List<HelpCall>> onState, Consumer<HelpCall> onChange) {
        return api.follow("/api/v1/help-calls/events?siteId=" + siteId, token, Map.of(
                "help-calls", data -> onState.accept(HelpCall.list(ApiHttp.parse(data))),
                "help-call", data -> onChange.accept(HelpCall.of(ApiHttp.parse(data)))));
    }

    /**
     * Follows the server's device events ({@code text/event-stream}) until closed, and hands each
     * changed device to {@code onChange} on an HTTP client thread. A broken stream is opened again.
     */
    public ServerEvents followDevices(Consumer<Device> onChange) {
        return api.follow("/api/v1/devices/events", token, Map.of("device", data -> onChange.accept(device(ApiHttp.parse(data)))));
    }

    static Device device(JsonNode d) {
        JsonNode loan = d.path("loan");
        boolean lent = !loan.isMissingNode() && !loan.isNull();
        JsonNode wipe = d.path("wipe");
        Long bookingId = lent && loan.hasNonNull("bookingId") ? loan.path("bookingId").asLong() : null;
        JsonNode last = d.path("lastWipe");
        boolean wiped = !last.isMissingNode() && !last.isNull();
        JsonNode hearing = d.path("hearing");
        return new Device(d.path("id").asText(), d.path("tag").asText(), d.path("kind").asText(), d.path("siteId").asLong(),
                d.path("state").asText(),
                ApiHttp.text(d.path("stateReason")), d.path("agentManaged").asBoolean(), d.path("online").asBoolean(),
                ApiHttp.instant(d.path("lastSeenAt")), d.hasNonNull("batteryPercent") ? d.path("batteryPercent").asInt() : null,
                lent ? ApiHttp.instant(loan.path("dueAt")) : null, bookingId, lent && loan.path("walkIn").asBoolean(),
                wipe.isMissingNode() || wipe.isNull() ? null : ApiHttp.text(wipe.path("state")), ApiHttp.instant(d.path("stateChangedAt")),
                wiped ? ApiHttp.instant(last.path("finishedAt")) : null, wiped ? last.path("verified").asBoolean() : null,
                wiped ? last.path("durationMillis").asLong() : null, texts(last.path("failures")),
                hearing.path("unheard").asBoolean(false), ApiHttp.text(hearing.path("lastRefusal")),
                ApiHttp.instant(hearing.path("lastRefusedAt")));
    }

    private JsonNode send(String method, String path, Object body) {
        ApiHttp.Answer answer = api.exchange(method, path, token, body);
        if (answer.ok()) {
            return answer.body();
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
        return SiteStatistics.of(send("GET", "/api/v1/sites/" + siteId + "/statistics?from=" + from + "&to=" + to
                + "&lang=" + ApiHttp.encode(language), null));
    }

    /** The numbers behind the statistics pictures, for the tables beside them. */
    public StatisticsSeries statisticsSeries(long siteId, LocalDate from, LocalDate to, String language) {
        return StatisticsSeries.of(send("GET", "/api/v1/sites/" + siteId + "/statistics?from=" + from + "&to=" + to
                + "&lang=" + ApiHttp.encode(language), null));
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
                ApiHttp.parse(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8)),
                new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        throw refusal(answer);
    }

    /**
     * A page of the audit log (admins only), newest first: entries from {@code from} up to
     * {@code to}, of one {@code actor} and one {@code action} where those are not null.
     */
    public AuditPage audit(Instant from, Instant to, String actor, String action, int page, int size) {
        StringBuilder query = new StringBuilder("/api/v1/audit?from=" + from + "&to=" + to + "&page=" + page + "&size=" + size);
        if (actor != null && !actor.isBlank()) {
            query.append("&actor=").append(ApiHttp.encode(actor.strip()));
        }
        if (action != null) {
            query.append("&action=").append(ApiHttp.encode(action));
        }
        JsonNode answer = send("GET", query.toString(), null);
        List<AuditEntry> entries = new ArrayList<>();
        for (JsonNode e : answer.path("entries")) {
            entries.add(new AuditEntry(e.path("id").asLong(), ApiHttp.instant(e.path("at")), e.path("actor").asText(),
                    ApiHttp.text(e.path("desk")), e.path("action").asText(), e.hasNonNull("siteId") ? e.path("siteId").asLong() : null,
                    ApiHttp.text(e.path("targetKind")), ApiHttp.text(e.path("targetId")), ApiHttp.text(e.path("detail"))));
        }
        return new AuditPage(entries, answer.path("page").asInt(), answer.path("more").asBoolean());
    }

    /** A room's calendar feed, as an absolute address on this server. */
    public CalendarLink calendarLink(long roomId, String language) {
        JsonNode link = send("GET", "/api/v1/rooms/" + roomId + "/calendar-link?lang=" + ApiHttp.encode(language), null);
        return new CalendarLink(link.path("roomId").asLong(), link.path("room").asText(), api.base().resolve(link.path("path").asText()));
    }

    // ---- administration (admin role): rooms, rules, retention, devices, kiosks, accounts ----

    public List<AdminRoom> adminRooms(long siteId) {
        List<AdminRoom> rooms = new ArrayList<>();
        for (JsonNode room : send("GET", "/api/v1/sites/" + siteId + "/rooms", null)) {
            rooms.add(adminRoom(room));
        }
        return rooms;
    }

    public AdminRoom createRoom(long siteId, AdminRoom.Details details) {
        return adminRoom(send("POST", "/api/v1/sites/" + siteId + "/rooms", roomBody(details, true)));
    }

    public AdminRoom updateRoom(long roomId, AdminRoom.Details details, boolean active) {
        return adminRoom(send("PUT", "/api/v1/rooms/" + roomId, roomBody(details, active)));
    }

    /** Replaces the room's weekly hours; a weekday not in {@code week} is closed. */
    public AdminRoom setWeeklyHours(long roomId, List<AdminRoom.Hours> week) {
        List<Map<String, String>> body = new ArrayList<>();
        for (AdminRoom.Hours hours : week) {
            body.add(Map.of("weekday", hours.weekday().name(), "opens", hours.opens().toString(), "closes", hours.closes().toString()));
        }
        return adminRoom(send("PUT", "/api/v1/rooms/" + roomId + "/hours", body));
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
        return adminRoom(send("PUT", "/api/v1/rooms/" + roomId + "/exceptions/" + date, body));
    }

    public AdminRoom removeExceptionDay(long roomId, LocalDate date) {
        return adminRoom(send("DELETE", "/api/v1/rooms/" + roomId + "/exceptions/" + date, null));
    }

    public BookingRules bookingRules(long siteId) {
        return ApiHttp.JSON.convertValue(send("GET", "/api/v1/sites/" + siteId + "/rules", null), BookingRules.class);
    }

    public BookingRules updateBookingRules(long siteId, BookingRules rules) {
        return ApiHttp.JSON.convertValue(send("PUT", "/api/v1/sites/" + siteId + "/rules", rules), BookingRules.class);
    }

    public Retention retention(long siteId) {
        return retention(send("GET", "/api/v1/sites/" + siteId + "/retention", null));
    }

    /** Sets the library's own retention days (the server takes 1 to 365). */
    public Retention setRetention(long siteId, int days) {
        return retention(send("PUT", "/api/v1/sites/" + siteId + "/retention", Map.of("retentionDays", days)));
    }

    /** The library goes back to the server's retention setting. */
    public Retention resetRetention(long siteId) {
        return retention(send("DELETE", "/api/v1/sites/" + siteId + "/retention", null));
    }

    /** Registers a device; the answer carries the agent's configuration, which the server never shows again. */
    public ProvisionedDevice registerDevice(long siteId, String kind, String tag) {
        JsonNode answer = send("POST", "/api/v1/devices", Map.of("siteId", siteId, "kind", kind, "tag", tag));
        List<String> acl = new ArrayList<>();
        answer.path("mosquittoAcl").forEach(line -> acl.add(line.asText()));
        return new ProvisionedDevice(device(answer.path("device")), ApiHttp.text(answer.path("agentConfig")),
                ApiHttp.text(answer.path("mosquittoPasswordLine")), acl);
    }

    public BrokerFiles brokerFiles() {
        JsonNode files = send("GET", "/api/v1/devices/broker-files", null);
        return new BrokerFiles(files.path("passwordFile").asText(), files.path("aclFile").asText());
    }

    public List<Kiosk> kiosks() {
        List<Kiosk> kiosks = new ArrayList<>();
        for (JsonNode kiosk : send("GET", "/api/v1/kiosks", null)) {
            kiosks.add(kiosk(kiosk));
        }
        return kiosks;
    }

    public NewKioskToken createKiosk(long siteId, String name) {
        return newKioskToken(send("POST", "/api/v1/kiosks", Map.of("siteId", siteId, "name", name)));
    }

    public NewKioskToken renewKioskToken(long kioskId) {
        return newKioskToken(send("POST", "/api/v1/kiosks/" + kioskId + "/token", null));
    }

    public Kiosk revokeKiosk(long kioskId) {
        return kiosk(send("POST", "/api/v1/kiosks/" + kioskId + "/revoke", null));
    }

    public List<Account> accounts() {
        List<Account> accounts = new ArrayList<>();
        for (JsonNode account : send("GET", "/api/v1/accounts", null)) {
            accounts.add(account(account));
        }
        return accounts;
    }

    /** {@code role} is {@code STAFF} or {@code ADMIN}. */
    public Account createAccount(String username, String password, String role) {
        return account(send("POST", "/api/v1/accounts", Map.of("username", username, "password", password, "role", role)));
    }

    /** Sets a new password; the account's sessions end. */
    public Account resetPassword(long accountId, String password) {
        return account(send("PUT", "/api/v1/accounts/" + accountId + "/password", Map.of("password", password)));
    }

    public Account deactivateAccount(long accountId) {
        return account(send("POST", "/api/v1/accounts/" + accountId + "/deactivate", null));
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

    private static List<String> texts(JsonNode list) {
        List<String> texts = new ArrayList<>();
        list.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static AdminRoom adminRoom(JsonNode r) {
        Set<Equipment> equipment = EnumSet.noneOf(Equipment.class);
        for (JsonNode item : r.path("equipment")) {
            Arrays.stream(Equipment.values()).filter(e -> e.name().equals(item.asText())).forEach(equipment::add);
        }
        List<AdminRoom.Hours> hours = new ArrayList<>();
        for (JsonNode h : r.path("hours")) {
            hours.add(new AdminRoom.Hours(DayOfWeek.valueOf(h.path("weekday").asText()),
                    LocalTime.parse(h.path("opens").asText()), LocalTime.parse(h.path("closes").asText())));
        }
        List<AdminRoom.OtherDay> days = new ArrayList<>();
        for (JsonNode d : r.path("exceptions")) {
            String opens = ApiHttp.text(d.path("opens"));
            String closes = ApiHttp.text(d.path("closes"));
            days.add(new AdminRoom.OtherDay(LocalDate.parse(d.path("date").asText()), d.path("closed").asBoolean(),
                    opens == null ? null : LocalTime.parse(opens), closes == null ? null : LocalTime.parse(closes),
                    ApiHttp.text(d.path("note"))));
        }
        RoomTexts texts = RoomTexts.of(r);
        Map<String, String> names = new java.util.TreeMap<>(texts.names());
        Map<String, String> places = new java.util.TreeMap<>(texts.places());
        names.remove(RoomTexts.FIRST);
        places.remove(RoomTexts.FIRST);
        AdminRoom.Details details = new AdminRoom.Details(texts.name(), texts.place(),
                r.path("capacity").asInt(), r.path("stepFree").asBoolean(), equipment,
                ApiHttp.text(r.path("doorLockId")), r.path("keypad").asBoolean(), ApiHttp.text(r.path("roomSignId")),
                names, places);
        return new AdminRoom(r.path("id").asLong(), r.path("siteId").asLong(), details, r.path("active").asBoolean(), hours, days);
    }

    private static Retention retention(JsonNode r) {
        return new Retention(r.path("retentionDays").asInt(), r.path("serverDefault").asBoolean());
    }

    private static Kiosk kiosk(JsonNode k) {
        return new Kiosk(k.path("id").asLong(), k.path("siteId").asLong(), k.path("name").asText(),
                ApiHttp.instant(k.path("createdAt")), ApiHttp.instant(k.path("revokedAt")));
    }

    private static NewKioskToken newKioskToken(JsonNode answer) {
        return new NewKioskToken(kiosk(answer.path("kiosk")), answer.path("token").asText());
    }

    private static Account account(JsonNode a) {
        return new Account(a.path("id").asLong(), a.path("username").asText(), a.path("role").asText(),
                a.path("active").asBoolean(), ApiHttp.instant(a.path("createdAt")));
    }
}
