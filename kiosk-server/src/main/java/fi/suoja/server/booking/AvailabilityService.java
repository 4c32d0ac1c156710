package fi.suoja.server.booking;

import fi.suoja.server.db.Tx;
import fi.suoja.server.room.Room;
import fi.suoja.server.room.RoomService;
import fi.suoja.server.site.BookingRules;
import fi.suoja.server.site.Site;
import fi.suoja.server.site.SiteService;
import fi.suoja.server.time.Grain;
import fi.suoja.server.time.TimeRange;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Free times, computed from the same grain claims the database uses to refuse overlaps, so what
 * is offered here is exactly what a booking can get (unless someone else takes it first).
 */
@Singleton
public class AvailabilityService {

    private final BookingService bookings;
    private final SlotClaimRepository claims;
    private final RoomService rooms;
    private final SiteService sites;
    private final Clock clock;
    private final Tx tx;

    AvailabilityService(BookingService bookings, SlotClaimRepository claims, RoomService rooms, SiteService sites, Clock clock, Tx tx) {
        this.tx = tx;
        this.bookings = bookings;
        this.claims = claims;
        this.rooms = rooms;
        this.sites = sites;
        this.clock = clock;
    }

    /** Every active room of a site on a local date, with the starts that fit {@code minutes} (or the shortest booking). */
    public List<RoomAvailability> forDay(long siteId, LocalDate day, Optional<Integer> minutes) {
        return tx.run(() -> {
            Instant now = clock.instant();
            return activeRooms(siteId).stream().map(room -> {
                BookingService.Place place = bookings.place(room.id());
                int length = minutes.orElse(place.rules().minBookingMinutes());
                Optional<TimeRange> open = place.schedule().openWindow(day);
                List<TimeRange> free = open.map(window -> freeRanges(place, window, now)).orElse(List.of());
                return new RoomAvailability(room.id(), room.name(), room.place(), place.texts().names(), place.texts().places(),
                        room.capacity(), room.stepFree(), room.equipmentSet(), open.orElse(null), free,
                        starts(place.policy(now), free, length));
            }).toList();
        });
    }

    /** Rooms that can be booked from this moment for at least {@code minutes}. */
    public List<FreeRoom> freeNow(long siteId, int minutes) {
        return tx.run(() -> {
            Instant now = clock.instant();
            Site site = sites.get(siteId);
            LocalDate today = now.atZone(site.zone()).toLocalDate();
            List<FreeRoom> result = new ArrayList<>();
            for (Room room : activeRooms(siteId)) {
                BookingService.Place place = bookings.place(room.id());
                BookingPolicy policy = place.policy(now);
                Optional<TimeRange> open = place.schedule().openWindow(today);
                if (open.isEmpty()) {
                    continue;
                }
                Instant start = policy.nowGrain();
                Optional<TimeRange> range = freeRanges(place, open.get(), now).stream()
                        .filter(r -> r.start().equals(start))
                        .findFirst();
                if (range.isEmpty()) {
                    continue;
                }
                FreeRoom free = freeRoom(place, start, range.get());
                if (free.maxMinutes() >= Math.max(minutes, place.rules().minBookingMinutes())) {
                    result.add(free);
                }
            }
            return result;
        });
    }

    /**
     * What a visitor at the kiosk needs to know before choosing: how many rooms are free now for
     * {@code minutes}, whether the rooms are open (and until when) or when they open next, and the
     * first time from {@code from} (a local day; today when empty) at which a booking of
     * {@code minutes} can start, within the booking horizon.
     */
    public SiteNow now(long siteId, int minutes, Optional<LocalDate> from) {
        return tx.run(() -> {
            Instant now = clock.instant();
            Site site = sites.get(siteId);
            BookingRules rules = sites.rules(siteId);
            LocalDate today = now.atZone(site.zone()).toLocalDate();
            LocalDate lastDay = today.plusDays(rules.maxDaysAhead());
            int length = Math.max(minutes, rules.minBookingMinutes());
            List<BookingService.Place> places = activeRooms(siteId).stream().map(room -> bookings.place(room.id())).toList();

            int freeRooms = freeNow(siteId, length).size();
            Instant closesAt = null;
            Instant opensAt = null;
            for (BookingService.Place place : places) {
                Optional<TimeRange> window = place.schedule().openWindow(today);
                // open means open long enough for a booking of this length; ten minutes before closing is closed
                if (window.isPresent() && window.get().contains(now)
                        && !Grain.floor(now).plus(Duration.ofMinutes(length)).isAfter(window.get().end())) {
                    closesAt = closesAt == null || window.get().end().isAfter(closesAt) ? window.get().end() : closesAt;
                }
                Instant opens = nextOpening(place, now, today, lastDay);
                if (opens != null && (opensAt == null || opens.isBefore(opensAt))) {
                    opensAt = opens;
                }
            }
            SiteNow.State state = freeRooms > 0 ? SiteNow.State.FREE : closesAt != null ? SiteNow.State.FULL : SiteNow.State.CLOSED;
            FreeRoom next = null;
            for (LocalDate day = from.filter(d -> d.isAfter(today)).orElse(today); next == null && !day.isAfter(lastDay); day = day.plusDays(1)) {
                next = firstStart(places, day, now, length);
            }
            return new SiteNow(state, freeRooms, closesAt, state == SiteNow.State.CLOSED ? opensAt : null, next);
        });
    }

    /** The first opening of a room after {@code now}, up to the last bookable day. */
    private static Instant nextOpening(BookingService.Place place, Instant now, LocalDate today, LocalDate lastDay) {
        for (LocalDate day = today; !day.isAfter(lastDay); day = day.plusDays(1)) {
            Optional<TimeRange> window = place.schedule().openWindow(day);
            if (window.isPresent() && window.get().start().isAfter(now)) {
                return window.get().start();
            }
        }
        return null;
    }

    /** The earliest start on {@code day} in any of the rooms for a booking of {@code length}, if there is one. */
    private FreeRoom firstStart(List<BookingService.Place> places, LocalDate day, Instant now, int length) {
        FreeRoom first = null;
        for (BookingService.Place place : places) {
            Optional<TimeRange> open = place.schedule().openWindow(day);
            if (open.isEmpty()) {
                continue;
            }
            List<TimeRange> free = freeRanges(place, open.get(), now);
            List<Instant> starts = starts(place.policy(now), free, length);
            if (!starts.isEmpty() && (first == null || starts.get(0).isBefore(first.start()))) {
                Instant start = starts.get(0);
                TimeRange range = free.stream().filter(r -> r.contains(start)).findFirst().orElseThrow();
                first = freeRoom(place, start, range);
            }
        }
        return first;
    }

    /** The start times in the free ranges at which the rules let a booking of {@code length} begin. */
    private static List<Instant> starts(BookingPolicy policy, List<TimeRange> free, int length) {
        List<Instant> starts = new ArrayList<>();
        Duration duration = Duration.ofMinutes(length);
        for (TimeRange range : free) {
            for (Instant t = range.start(); !t.plus(duration).isAfter(range.end()); t = t.plus(Grain.duration())) {
                if (policy.checkNew(new TimeRange(t, t.plus(duration))).isEmpty()) {
                    starts.add(t);
                }
            }
        }
        return starts;
    }

    /** A room free from {@code start} until the end of {@code range}, as long as the rules let one book it. */
    private static FreeRoom freeRoom(BookingService.Place place, Instant start, TimeRange range) {
        Room room = place.room();
        int step = place.rules().slotStepMinutes();
        long available = Math.min(Duration.between(start, range.end()).toMinutes(), place.rules().maxBookingMinutes());
        return new FreeRoom(room.id(), room.name(), room.place(), place.texts().names(), place.texts().places(),
                room.capacity(), room.stepFree(), room.equipmentSet(), start, (int) (available / step * step));
    }

    private List<Room> activeRooms(long siteId) {
        return rooms.ofSite(siteId).stream().filter(Room::active).toList();
    }

    /**
     * Runs of unclaimed grains inside the opening window and not in the past. A run that ends at
     * another booking's claim loses the buffer at its end, since a booking there would need it.
     */
    private List<TimeRange> freeRanges(BookingService.Place place, TimeRange window, Instant now) {
        Instant from = Grain.floor(now).isAfter(window.start()) ? Grain.floor(now) : window.start();
        Instant to = window.end();
        if (!to.isAfter(from)) {
            return List.of();
        }
        Duration buffer = place.rules().buffer();
        Set<Long> taken = claims.findByRoomIdAndSlotMinuteGreaterThanEqualsAndSlotMinuteLessThan(
                        place.room().id(), Grain.index(Grain.floor(from)), Grain.index(Grain.ceil(to.plus(buffer))))
                .stream().map(SlotClaim::slotMinute).collect(Collectors.toSet());
        List<TimeRange> free = new ArrayList<>();
        Instant runStart = null;
        for (Instant t = Grain.ceil(from); t.isBefore(to); t = t.plus(Grain.duration())) {
            boolean isFree = !taken.contains(Grain.index(t));
            if (isFree && runStart == null) {
                runStart = t;
            } else if (!isFree && runStart != null) {
                add(free, runStart, t.minus(buffer), place.rules().minBookingMinutes());
                runStart = null;
            }
        }
        if (runStart != null) {
            // The buffer after a booking that ends at closing time may reach into claims after closing.
            Instant end = to;
            for (Instant t = to; t.isBefore(to.plus(buffer)); t = t.plus(Grain.duration())) {
                if (taken.contains(Grain.index(t))) {
                    end = t.minus(buffer);
                    break;
                }
            }
            add(free, runStart, end, place.rules().minBookingMinutes());
        }
        return free;
    }

    private static void add(List<TimeRange> free, Instant start, Instant end, int minMinutes) {
        if (Duration.between(start, end).toMinutes() >= minMinutes) {
            free.add(new TimeRange(start, end));
        }
    }
}
