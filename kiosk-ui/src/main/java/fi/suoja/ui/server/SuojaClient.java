package fi.suoja.ui.server;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * kiosk-server's API as the kiosk uses it, over HTTP with the kiosk's token. Every call either
 * answers, throws {@link ServerProblem} (the server said no) or {@link ServerUnreachable}.
 */
public class SuojaClient {

    private final ApiHttp api;
    private final String token;

    public SuojaClient(URI base, String token) {
        this.api = new ApiHttp(base);
        this.token = token;
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
        return send("GET", "/api/v1/kiosks/me", null).as(KioskIdentity.class);
    }

    public Site site(long siteId) {
        return send("GET", "/api/v1/sites/" + siteId, null).as(Site.class);
    }

    /** Rooms free from this moment for at least {@code minutes}. */
    public List<RoomChoice> freeNow(long siteId, int minutes) {
        return send("GET", "/api/v1/sites/" + siteId + "/free-now?minutes=" + minutes, null)
                .listOf(RoomChoice.FreeRoom.class).stream().map(RoomChoice.FreeRoom::choice).toList();
    }

    /**
     * Free, full or closed now for a booking of {@code minutes}, when the rooms open, and the first
     * free start from {@code from} on (today when null).
     */
    public SiteNow now(long siteId, int minutes, LocalDate from) {
        return send("GET", "/api/v1/sites/" + siteId + "/now?minutes=" + minutes + (from == null ? "" : "&from=" + from), null)
                .as(SiteNow.Answer.class).now();
    }

    /** Rooms and the start times on {@code date} that fit a booking of {@code minutes}. */
    public List<RoomChoice> availability(long siteId, LocalDate date, int minutes) {
        return send("GET", "/api/v1/sites/" + siteId + "/availability?date=" + date + "&minutes=" + minutes, null)
                .listOf(RoomChoice.Available.class).stream().map(room -> room.choice(minutes)).toList();
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
        return send("POST", "/api/v1/bookings", body).as(Booking.class);
    }

    public Booking find(String code) {
        return send("GET", "/api/v1/bookings/" + ApiHttp.encode(code), null).as(Booking.class);
    }

    public Booking checkIn(String code) {
        return send("POST", "/api/v1/bookings/" + ApiHttp.encode(code) + "/check-in", null).as(Booking.class);
    }

    public Booking extend(String code, int minutes) {
        return send("POST", "/api/v1/bookings/" + ApiHttp.encode(code) + "/extend", Map.of("minutes", minutes)).as(Booking.class);
    }

    public Booking end(String code) {
        return send("POST", "/api/v1/bookings/" + ApiHttp.encode(code) + "/end", null).as(Booking.class);
    }

    public Booking cancel(String code) {
        return send("POST", "/api/v1/bookings/" + ApiHttp.encode(code) + "/cancel", Map.of()).as(Booking.class);
    }

    /**
     * Raises a help call for this kiosk from {@code screen} in the kiosk's {@code language}; the staff
     * desk sees it at once.
     */
    public HelpCall raiseHelpCall(KioskScreen screen, String language) {
        return send("POST", "/api/v1/help-calls", Map.of("screen", screen, "language", language)).as(HelpCall.class);
    }

    /** The visitor needs no help any more; the desk sees the call closed by the visitor. */
    public HelpCall cancelHelpCall(long helpCallId) {
        return send("POST", "/api/v1/help-calls/" + helpCallId + "/cancel", null).as(HelpCall.class);
    }

    /**
     * Follows this kiosk's help calls until closed: {@code onState} gets its recent calls on every
     * (re)connect, {@code onChange} every change after that, on an HTTP client thread.
     */
    public ServerEvents followHelpCalls(Consumer<List<HelpCall>> onState, Consumer<HelpCall> onChange) {
        return api.follow("/api/v1/help-calls/events", token, Map.of(
                "help-calls", data -> onState.accept(ApiHttp.events(data, HelpCall.class)),
                "help-call", data -> onChange.accept(ApiHttp.event(data, HelpCall.class))));
    }

    private ApiHttp.Answer send(String method, String path, Object body) {
        ApiHttp.Answer answer = api.exchange(method, path, token, body);
        if (answer.ok()) {
            return answer;
        }
        if (answer.status() >= 500 || answer.status() == 401 || answer.status() == 403 || !answer.isProblem()) {
            // a server that fails inside, one that no longer takes this kiosk's token, or something
            // that is not our server: the visitor can do nothing about any of them, staff can
            throw answer.unreachable();
        }
        throw answer.problem();
    }

}
