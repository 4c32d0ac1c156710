package fi.suoja.server.room;

import fi.suoja.server.db.Tx;
import fi.suoja.server.audit.AuditAction;
import fi.suoja.server.audit.AuditLog;
import fi.suoja.server.audit.Target;
import fi.suoja.server.problem.ProblemType;
import fi.suoja.server.problem.SuojaException;
import fi.suoja.server.site.SiteService;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

@Singleton
public class RoomService {

    private final RoomRepository rooms;
    private final WeeklyHoursRepository weekly;
    private final ExceptionDayRepository exceptions;
    private final SiteService sites;
    private final RoomTextRepository texts;
    private final AuditLog audit;
    private final Tx tx;
    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("d.M.yyyy");

    RoomService(RoomRepository rooms, WeeklyHoursRepository weekly, ExceptionDayRepository exceptions, SiteService sites,
                RoomTextRepository texts, AuditLog audit, Tx tx) {
        this.tx = tx;
        this.rooms = rooms;
        this.texts = texts;
        this.weekly = weekly;
        this.exceptions = exceptions;
        this.sites = sites;
        this.audit = audit;
    }

    /**
     * What a room is; the same shape creates and changes one. {@code name} and {@code place} are in
     * the library's first language ({@link RoomTexts#FIRST}); {@code names} and {@code places} hold
     * the other languages' texts, or are null to leave those as they are (a client that knows
     * nothing of languages changes only the first language's).
     */
    public record RoomDetails(String name, String place, int capacity, boolean stepFree, Set<Equipment> equipment,
                              @Nullable String doorLockId, boolean keypad, @Nullable String roomSignId, boolean active,
                              @Nullable Map<String, String> names, @Nullable Map<String, String> places) {

        public RoomDetails(String name, String place, int capacity, boolean stepFree, Set<Equipment> equipment,
                           @Nullable String doorLockId, boolean keypad, @Nullable String roomSignId, boolean active) {
            this(name, place, capacity, stepFree, equipment, doorLockId, keypad, roomSignId, active, null, null);
        }
    }

    public RoomView create(long siteId, RoomDetails details) {
        return tx.run(() -> {
            sites.get(siteId);
            if (rooms.existsBySiteIdAndName(siteId, details.name())) {
                throw new SuojaException(ProblemType.ALREADY_EXISTS, "This library has a room with this name already.");
            }
            Room saved = rooms.save(room(null, siteId, details));
            writeTexts(saved.id(), details);
            audit.record(AuditAction.ROOM_CREATED, siteId, Target.room(saved.id()), null, details.name());
            return view(saved);
        });
    }

    public RoomView update(long roomId, RoomDetails details) {
        return tx.run(() -> {
            Room old = get(roomId);
            if (!old.name().equals(details.name()) && rooms.existsBySiteIdAndName(old.siteId(), details.name())) {
                throw new SuojaException(ProblemType.ALREADY_EXISTS, "This library has a room with this name already.");
            }
            Room saved = rooms.update(room(roomId, old.siteId(), details));
            writeTexts(roomId, details);
            audit.record(AuditAction.ROOM_CHANGED, old.siteId(), Target.room(roomId), null, details.name());
            return view(saved);
        });
    }

    /** The other languages' names and places as given; a language left with neither loses its row. */
    private void writeTexts(long roomId, RoomDetails details) {
        if (details.names() == null && details.places() == null) {
            return;
        }
        Map<String, String> names = new HashMap<>();
        Map<String, String> places = new HashMap<>();
        for (RoomText t : texts.findByRoomId(roomId)) {
            putIfText(names, t.language(), t.name());
            putIfText(places, t.language(), t.place());
        }
        if (details.names() != null) {
            names.clear();
            details.names().forEach((language, name) -> putIfText(names, language, name));
        }
        if (details.places() != null) {
            places.clear();
            details.places().forEach((language, place) -> putIfText(places, language, place));
        }
        texts.deleteByRoom(roomId);
        for (String language : RoomTexts.LANGUAGES) {
            if (!language.equals(RoomTexts.FIRST) && (names.containsKey(language) || places.containsKey(language))) {
                texts.save(new RoomText(null, roomId, language, names.get(language), places.get(language)));
            }
        }
    }

    private static void putIfText(Map<String, String> texts, String language, @Nullable String text) {
        if (text != null && !text.isBlank()) {
            texts.put(language, text.strip());
        }
    }

    /** A room's name and place in every language they were written in. */
    public RoomTexts texts(Room room) {
        return tx.run(() -> texts(room, texts.findByRoomId(room.id())));
    }

    /** The texts of every room of a site, by room id, read at once. */
    public Map<Long, RoomTexts> textsOfSite(long siteId) {
        return tx.run(() -> {
            Map<Long, List<RoomText>> written = new HashMap<>();
            for (RoomText t : texts.findBySite(siteId)) {
                written.computeIfAbsent(t.roomId(), id -> new java.util.ArrayList<>()).add(t);
            }
            Map<Long, RoomTexts> all = new HashMap<>();
            for (Room room : rooms.findBySiteIdOrderByName(siteId)) {
                all.put(room.id(), texts(room, written.getOrDefault(room.id(), List.of())));
            }
            return all;
        });
    }

    static RoomTexts texts(Room room, List<RoomText> written) {
        Map<String, String> names = new HashMap<>();
        Map<String, String> places = new HashMap<>();
        names.put(RoomTexts.FIRST, room.name());
        places.put(RoomTexts.FIRST, room.place());
        for (RoomText t : written) {
            putIfText(names, t.language(), t.name());
            putIfText(places, t.language(), t.place());
        }
        return new RoomTexts(names, places);
    }

    /** Replaces the whole week: weekdays not listed are closed. */
    public RoomView setWeeklyHours(long roomId, Map<DayOfWeek, DailyHours> hours) {
        return tx.run(() -> {
            Room room = get(roomId);
            weekly.deleteByRoom(roomId);
            hours.forEach((day, h) -> weekly.save(new WeeklyHours(null, roomId, day.getValue(), h.opens(), h.closes())));
            audit.record(AuditAction.HOURS_CHANGED, room.siteId(), Target.room(roomId), null, weekSummary(hours));
            return view(roomId);
        });
    }

    /** Sets other hours for one date; empty hours close the room that day. */
    public RoomView setException(long roomId, LocalDate date, Optional<DailyHours> hours, @Nullable String note) {
        return tx.run(() -> {
            Room room = get(roomId);
            exceptions.deleteByRoomAndDay(roomId, date);
            exceptions.save(new ExceptionDay(null, roomId, date,
                    hours.map(DailyHours::opens).orElse(null), hours.map(DailyHours::closes).orElse(null), note));
            audit.record(AuditAction.EXCEPTION_DAY_SET, room.siteId(), Target.room(roomId), null,
                    DAY.format(date) + " " + hours.map(h -> h.opens() + "–" + h.closes()).orElse("–"));
            return view(roomId);
        });
    }

    public RoomView removeException(long roomId, LocalDate date) {
        return tx.run(() -> {
            Room room = get(roomId);
            if (exceptions.deleteByRoomAndDay(roomId, date) == 0) {
                throw SuojaException.notFound("An exception day on " + date);
            }
            audit.record(AuditAction.EXCEPTION_DAY_REMOVED, room.siteId(), Target.room(roomId), null, DAY.format(date));
            return view(roomId);
        });
    }

    /**
     * A room with its texts, library, rules and hours in one statement ({@link BookableRoomRead}),
     * in the caller's transaction: what a booking of it is checked against.
     */
    public BookableRoom bookable(long roomId) {
        return tx.read(connection -> BookableRoomRead.read(connection, roomId));
    }

    public Room get(long roomId) {
        return tx.run(() -> rooms.findById(roomId).orElseThrow(() -> SuojaException.notFound("The room")));
    }

    public RoomView view(long roomId) {
        return tx.run(() -> view(get(roomId)));
    }

    public List<Room> ofSite(long siteId) {
        return tx.run(() -> {
            sites.get(siteId);
            return rooms.findBySiteIdOrderByName(siteId);
        });
    }

    public List<RoomView> viewsOfSite(long siteId) {
        return tx.run(() -> ofSite(siteId).stream().map(this::view).toList());
    }

    public RoomSchedule schedule(Room room) {
        return tx.run(() -> {
            Map<DayOfWeek, DailyHours> week = new EnumMap<>(DayOfWeek.class);
            for (WeeklyHours h : weekly.findByRoomIdOrderByWeekday(room.id())) {
                week.put(DayOfWeek.of(h.weekday()), new DailyHours(h.opens(), h.closes()));
            }
            Map<LocalDate, Optional<DailyHours>> other = new HashMap<>();
            for (ExceptionDay e : exceptions.findByRoomIdOrderByOnDate(room.id())) {
                other.put(e.onDate(), e.opens() == null ? Optional.empty() : Optional.of(new DailyHours(e.opens(), e.closes())));
            }
            return new RoomSchedule(sites.get(room.siteId()).zone(), week, other);
        });
    }

    private RoomView view(Room room) {
        List<RoomView.WeekdayHours> hours = weekly.findByRoomIdOrderByWeekday(room.id()).stream()
                .map(h -> new RoomView.WeekdayHours(DayOfWeek.of(h.weekday()), h.opens(), h.closes()))
                .toList();
        List<RoomView.OtherDay> other = exceptions.findByRoomIdOrderByOnDate(room.id()).stream()
                .map(e -> new RoomView.OtherDay(e.onDate(), e.opens() == null, e.opens(), e.closes(), e.note()))
                .toList();
        RoomTexts written = texts(room);
        return new RoomView(room.id(), room.siteId(), room.name(), room.place(), written.names(), written.places(),
                room.capacity(), room.stepFree(), room.equipmentSet(), room.doorLockId(), room.keypad(), room.roomSignId(),
                room.active(), hours, other);
    }

    private static Room room(@Nullable Long id, long siteId, RoomDetails d) {
        try {
            return new Room(id, siteId, d.name(), d.place(), d.capacity(), d.stepFree(),
                    Room.encode(d.equipment() == null ? Set.of() : new HashSet<>(d.equipment())),
                    blankToNull(d.doorLockId()), d.keypad(), blankToNull(d.roomSignId()), d.active());
        } catch (IllegalArgumentException e) {
            throw SuojaException.invalid("The room does not add up: " + e.getMessage() + ".");
        }
    }

    /**
     * A week's hours for the audit log in no language: ISO weekday numbers (1 Monday … 7 Sunday),
     * days with the same hours together, "1-5 08:00–20:00, 6 10:00–16:00".
     */
    static String weekSummary(Map<DayOfWeek, DailyHours> hours) {
        Map<String, List<Integer>> days = new java.util.LinkedHashMap<>();
        new java.util.TreeMap<>(hours).forEach((day, h) ->
                days.computeIfAbsent(h.opens() + "–" + h.closes(), k -> new java.util.ArrayList<>()).add(day.getValue()));
        return days.entrySet().stream().map(e -> runs(e.getValue()) + " " + e.getKey())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** Ascending numbers with their runs joined: 1, 2, 3, 7 → "1-3,7". */
    private static String runs(List<Integer> numbers) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < numbers.size(); i++) {
            int start = numbers.get(i);
            while (i + 1 < numbers.size() && numbers.get(i + 1) == numbers.get(i) + 1) {
                i++;
            }
            text.append(text.length() == 0 ? "" : ",").append(start).append(numbers.get(i) == start ? "" : "-" + numbers.get(i));
        }
        return text.toString();
    }

    private static String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
