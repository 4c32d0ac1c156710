package fi.suoja.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A library of its own for one test, made through the admin API of the real server: two rooms
 * (one with a keypad lock and a computer, webcam and headset; one with nothing), and a kiosk.
 * The library's time zone is chosen so that it is about midday there whenever the test runs, so
 * "now" and "later today" always find open rooms.
 */
public final class TestScene {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public final URI server;
    public final String admin;
    public final long siteId;
    public final long equippedRoom;
    public final long bareRoom;
    public final String kioskToken;
    public final ZoneOffset zone;

    private TestScene(URI server, String admin, long siteId, long equippedRoom, long bareRoom, String kioskToken, ZoneOffset zone) {
        this.server = server;
        this.admin = admin;
        this.siteId = siteId;
        this.equippedRoom = equippedRoom;
        this.bareRoom = bareRoom;
        this.kioskToken = kioskToken;
        this.zone = zone;
    }

    public static TestScene create() {
        return create(0);
    }

    /** A scene with {@code moreRooms} further bare rooms, for tests that book many rooms for now. */
    public static TestScene create(int moreRooms) {
        return create(KioskServerProcess.get().uri(), moreRooms);
    }

    public static TestScene create(URI server, int moreRooms) {
        String admin = post(server, "/api/v1/auth/login", null,
                Map.of("username", "admin", "password", KioskServerProcess.ADMIN_PASSWORD)).path("token").asText();
        int utcHour = ZonedDateTime.now(ZoneOffset.UTC).getHour();
        ZoneOffset zone = ZoneOffset.ofHours(Math.max(-12, Math.min(14, 12 - utcHour)));
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> rules = rules(false, 2);
        long siteId = post(server, "/api/v1/sites", admin,
                Map.of("name", "Library " + unique, "timeZone", zone.getId(), "rules", rules)).path("id").asLong();
        long equipped = room(server, admin, siteId, Map.of("name", "Room 1", "place", "2nd floor, next to the newspapers",
                "capacity", 2, "stepFree", true, "equipment", List.of("COMPUTER", "WEBCAM", "HEADSET"),
                "doorLockId", "lock-" + unique, "keypad", true));
        long bare = room(server, admin, siteId, Map.of("name", "Room 2", "place", "Ground floor, behind the help desk",
                "capacity", 3, "stepFree", false, "equipment", List.of()));
        for (int i = 0; i < moreRooms; i++) {
            room(server, admin, siteId, Map.of("name", "Room " + (3 + i), "place", "3rd floor, room " + (301 + i),
                    "capacity", 1, "stepFree", true, "equipment", List.of("HEADSET")));
        }
        String token = post(server, "/api/v1/kiosks", admin, Map.of("siteId", siteId, "name", "Lobby kiosk " + unique))
                .path("token").asText();
        return new TestScene(server, admin, siteId, equipped, bare, token, zone);
    }

    private static long room(URI server, String admin, long siteId, Map<String, Object> body) {
        long id = post(server, "/api/v1/sites/" + siteId + "/rooms", admin, body).path("id").asLong();
        List<Map<String, String>> week = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            week.add(Map.of("weekday", day.name(), "opens", "06:00", "closes", "22:00"));
        }
        send(server, "PUT", "/api/v1/rooms/" + id + "/hours", admin, week);
        return id;
    }

    /** A room of this library by its name, e.g. one of the further rooms "Room 3", "Room 4". */
    public long room(String name) {
        for (JsonNode room : send(server, "GET", "/api/v1/sites/" + siteId + "/rooms", admin, null)) {
            if (room.path("name").asText().equals(name)) {
                return room.path("id").asLong();
            }
        }
        throw new AssertionError("no room " + name);
    }

    /**
     * Gives a room its name and place per language (language tag to text), as an admin does on the
     * desk; a Finnish ("fi") text becomes the room's first-language name or place.
     */
    public void translateRoom(long roomId, Map<String, String> names, Map<String, String> places) {
        JsonNode room = send(server, "GET", "/api/v1/rooms/" + roomId, admin, null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", names.getOrDefault("fi", room.path("name").asText()));
        body.put("place", places.getOrDefault("fi", room.path("place").asText()));
        body.put("names", names);
        body.put("places", places);
        body.put("capacity", room.path("capacity").asInt());
        body.put("stepFree", room.path("stepFree").asBoolean());
        body.put("equipment", JSON.convertValue(room.path("equipment"), List.class));
        body.put("doorLockId", room.path("doorLockId").isTextual() ? room.path("doorLockId").asText() : null);
        body.put("keypad", room.path("keypad").asBoolean());
        send(server, "PUT", "/api/v1/rooms/" + roomId, admin, body);
    }

    /**
     * Gives every room of the library other hours on one date: {@code opens}–{@code closes}
     * ("HH:mm"), or closed all day when {@code opens} is null.
     */
    public void hoursOn(java.time.LocalDate date, String opens, String closes) {
        for (JsonNode room : send(server, "GET", "/api/v1/sites/" + siteId + "/rooms", admin, null)) {
            Map<String, Object> day = new LinkedHashMap<>();
            day.put("closed", opens == null);
            if (opens != null) {
                day.put("opens", opens);
                day.put("closes", closes);
            }
            send(server, "PUT", "/api/v1/rooms/" + room.path("id").asLong() + "/exceptions/" + date, admin, day);
        }
    }

    /** Every room of the library back to its weekly hours on {@code date}. */
    public void usualHoursOn(java.time.LocalDate date) {
        for (JsonNode room : send(server, "GET", "/api/v1/sites/" + siteId + "/rooms", admin, null)) {
            send(server, "DELETE", "/api/v1/rooms/" + room.path("id").asLong() + "/exceptions/" + date, admin, null);
        }
    }

    /** The library's name, as its receipts carry it. */
    public String siteName() {
        return send(server, "GET", "/api/v1/sites/" + siteId, admin, null).path("name").asText();
    }

    /**
     * A further room of this library, open as the others; with a keypad lock of its own when
     * {@code keypad}, whose door code the simulated lock takes.
     */
    public long addRoom(String name, boolean keypad) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", name, "place", "1st floor, by the stairs",
                "capacity", 2, "stepFree", true, "equipment", List.of()));
        if (keypad) {
            body.put("doorLockId", "lock-" + UUID.randomUUID().toString().substring(0, 8));
            body.put("keypad", true);
        }
        return room(server, admin, siteId, body);
    }

    /** Types a code on the keypad of a room's simulated lock, as a visitor at the door; answers whether it opened. */
    public boolean typeOnKeypad(long roomId, String code) {
        return post(server, "/api/v1/rooms/" + roomId + "/lock/keypad", admin, Map.of("code", code)).path("opened").asBoolean();
    }

    /** Moves the clock of a server started with {@link KioskServerProcess#startOwnWithOffsetClock} forward. */
    public Instant advanceServerClock(Duration by) {
        return Instant.parse(post(server, "/test/clock/advance", admin, Map.of("seconds", by.toSeconds())).path("now").asText());
    }

    /**
     * Books a room for now straight through the API, as staff do for someone who is not at the
     * kiosk: not checked in (a booking for now made at a kiosk is checked in at once).
     */
    public JsonNode bookNowElsewhere(long roomId, int minutes) {
        return bookNowElsewhere(roomId, minutes, null);
    }

    /** As {@link #bookNowElsewhere(long, int)}, with a library card number where the library asks for one. */
    public JsonNode bookNowElsewhere(long roomId, int minutes, String libraryCard) {
        for (JsonNode room : send(server, "GET", "/api/v1/sites/" + siteId + "/free-now?minutes=" + minutes, admin, null)) {
            if (room.path("roomId").asLong() == roomId) {
                Map<String, Object> body = new LinkedHashMap<>(
                        Map.of("roomId", roomId, "start", room.path("start").asText(), "minutes", minutes));
                if (libraryCard != null) {
                    body.put("libraryCard", libraryCard);
                }
                return post(server, "/api/v1/bookings", admin, body);
            }
        }
        throw new AssertionError("room " + roomId + " is not free now");
    }

    /** Books a room from {@code start} through the API, as staff do for someone on the phone. */
    public JsonNode bookAt(long roomId, Instant start, int minutes) {
        return post(server, "/api/v1/bookings", admin, Map.of("roomId", roomId, "start", start.toString(), "minutes", minutes));
    }

    /** Open help calls of this library, as the staff desk would see them. */
    public JsonNode openHelpCalls() {
        return send(server, "GET", "/api/v1/help-calls?open=true&siteId=" + siteId, admin, null);
    }

    /** The library starts asking for a library card, and lets one card hold {@code perCard} bookings. */
    public void requireCard(int perCard) {
        send(server, "PUT", "/api/v1/sites/" + siteId + "/rules", admin, rules(true, perCard));
    }

    /** The booking rules of a test library: 15-minute steps, 15 to 120 minutes, 14 days ahead. */
    private static Map<String, Object> rules(boolean cardRequired, int perCard) {
        Map<String, Object> rules = new LinkedHashMap<>();
        rules.put("slotStepMinutes", 15);
        rules.put("minBookingMinutes", 15);
        rules.put("maxBookingMinutes", 120);
        rules.put("maxDaysAhead", 14);
        rules.put("bufferMinutes", 10);
        rules.put("checkInGraceMinutes", 15);
        rules.put("doorCodeLeadMinutes", 10);
        rules.put("libraryCardRequired", cardRequired);
        rules.put("maxActiveBookingsPerCard", perCard);
        rules.put("nameOnDoorAllowed", false);
        return rules;
    }

    public JsonNode booking(String code) {
        return send(server, "GET", "/api/v1/bookings/" + code.replace("-", ""), kioskToken, null);
    }

    /** A staff account (role STAFF, not admin) of its own; returns the user name. The password is {@link #STAFF_PASSWORD}. */
    public String staffAccount() {
        String username = "desk-" + UUID.randomUUID().toString().substring(0, 8);
        post(server, "/api/v1/accounts", admin, Map.of("username", username, "password", STAFF_PASSWORD, "role", "STAFF"));
        return username;
    }

    public static final String STAFF_PASSWORD = "desk-password-for-tests";

    /** Registers a device of this library; a tag of its own per test keeps tests apart on the shared server. */
    public String registerDevice(String kind) {
        String tag = kind.substring(0, 3) + "-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode registered = post(server, "/api/v1/devices", admin, Map.of("tag", tag, "kind", kind, "siteId", siteId));
        if (registered.hasNonNull("agentConfig")) {
            agentConfigs.put(tag, registered.path("agentConfig").asText());
        }
        return tag;
    }

    /** The agent configuration the server gave at registration (broker account, device key), as the laptop keeps it. */
    public String agentConfig(String tag) {
        String config = agentConfigs.get(tag);
        if (config == null) {
            throw new AssertionError("no agent configuration for " + tag + ": not a laptop registered by this scene");
        }
        return config;
    }

    private final Map<String, String> agentConfigs = new java.util.concurrent.ConcurrentHashMap<>();

    /** A webcam or headset that staff have checked, so READY to lend (devices without an agent need no wipe report). */
    public String readyAccessory(String kind) {
        String tag = registerDevice(kind);
        post(server, "/api/v1/devices/return", admin, Map.of("tag", tag));
        return tag;
    }

    public JsonNode device(String tag) {
        for (JsonNode device : send(server, "GET", "/api/v1/devices?siteId=" + siteId, admin, null)) {
            if (device.path("tag").asText().equals(tag)) {
                return device;
            }
        }
        throw new AssertionError("no device " + tag);
    }

    /** Lends a device straight through the API, as another desk would. */
    public JsonNode handOutElsewhere(String tag, String bookingCode) {
        return post(server, "/api/v1/devices/hand-out", admin, Map.of("tag", tag, "bookingCode", bookingCode));
    }

    /** Cancels a booking through the kiosk, as a citizen would. */
    public void cancelElsewhere(String code) {
        post(server, "/api/v1/bookings/" + code.replace("-", "") + "/cancel", kioskToken, Map.of());
    }

    /** Takes a device back straight through the API, as another desk would. */
    public JsonNode returnElsewhere(String tag) {
        return post(server, "/api/v1/devices/return", admin, Map.of("tag", tag));
    }

    /** Marks a device faulty through the API, as another desk would. */
    public JsonNode faultyElsewhere(String tag, String reason) {
        return post(server, "/api/v1/devices/" + device(tag).path("id").asText() + "/faulty", admin, Map.of("reason", reason));
    }

    /** Marks a device repaired through the API, as another desk would. */
    public JsonNode repairedElsewhere(String tag, String note) {
        return post(server, "/api/v1/devices/" + device(tag).path("id").asText() + "/repaired", admin, Map.of("note", note));
    }

    /** Asks for a device's wipe through the API, as another desk would. */
    public JsonNode wipeElsewhere(String tag) {
        return post(server, "/api/v1/devices/" + device(tag).path("id").asText() + "/wipe", admin, null);
    }

    /**
     * Raises a staff alert of {@code code} (the server's AlertCode) about {@code roomId} as the server's
     * own paths do, on a server started with {@link KioskServerProcess#startOwnWithOffsetClock}:
     * {@code subject} is whose guessing (for CODES_GUESSED this library's kiosk is used), or the old
     * English text of a LEGACY alert.
     */
    public void raiseAlert(long roomId, String code, int attempts, String failure, String subject) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("siteId", siteId);
        body.put("roomId", roomId);
        body.put("code", code);
        body.put("attempts", attempts);
        body.put("failure", failure);
        body.put("subject", code.equals("CODES_GUESSED")
                ? send(server, "GET", "/api/v1/kiosks/me", kioskToken, null).path("id").asText() : subject);
        post(server, "/test/alerts", admin, body);
    }

    /** A room's lock as the server last heard of it. */
    public JsonNode lock(long roomId) {
        return send(server, "GET", "/api/v1/rooms/" + roomId + "/lock", admin, null);
    }

    /** The kiosk of this library asks for help, from its start screen in Finnish. */
    public JsonNode callForHelp() {
        return callForHelp("START", "fi");
    }

    /** The kiosk of this library asks for help from {@code screen} (the server's KioskScreen) in {@code language}. */
    public JsonNode callForHelp(String screen, String language) {
        return post(server, "/api/v1/help-calls", kioskToken, Map.of("screen", screen, "language", language));
    }

    /** A staff member at another desk answers "I am coming". */
    public JsonNode acknowledgeHelp(long helpCallId) {
        return post(server, "/api/v1/help-calls/" + helpCallId + "/acknowledge", admin, null);
    }

    /** A staff member at another desk marks the call done. */
    public JsonNode resolveHelp(long helpCallId) {
        return post(server, "/api/v1/help-calls/" + helpCallId + "/resolve", admin, null);
    }

    /** The visitor says, at the kiosk, that no help is needed any more. */
    public JsonNode cancelHelp(long helpCallId) {
        return post(server, "/api/v1/help-calls/" + helpCallId + "/cancel", kioskToken, null);
    }

    /** Every help call of this library, closed ones too. */
    public JsonNode allHelpCalls() {
        return send(server, "GET", "/api/v1/help-calls?open=false&siteId=" + siteId, admin, null);
    }

    /** Ends a staff session behind the desk's back, as an expiry or a logout elsewhere would. */
    public void logOut(String staffToken) {
        post(server, "/api/v1/auth/logout", staffToken, null);
    }

    /** Reads {@code path} of the API as the admin, to check what an action left on the server. */
    public JsonNode adminGet(String path) {
        return send(server, "GET", path, admin, null);
    }

    /** The HTTP status of a GET of {@code path} with {@code token} (e.g. whether a kiosk token still works). */
    public static int status(URI server, String path, String token) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(path)).header("Accept", "application/json").GET();
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode post(URI server, String path, String token, Object body) {
        return send(server, "POST", path, token, body);
    }

    static JsonNode send(URI server, String method, String path, String token, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(path)).header("Accept", "application/json");
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (body == null) {
                request.method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(""));
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
