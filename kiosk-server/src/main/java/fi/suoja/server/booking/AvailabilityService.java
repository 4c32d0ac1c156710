package fi.suoja.server.booking;

import fi.suoja.server.room.Room;
import fi.suoja.server.room.RoomService;
import fi.suoja.server.site.Site;
import fi.suoja.server.site.SiteService;
import fi.suoja.server.time.Grain;
import fi.suoja.server.time.TimeRange;
import io.micronaut.transaction.annotation.Transactional;
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

    AvailabilityService(BookingService bookings, SlotClaimRepository claims, RoomService rooms, SiteService sites, Clock clock) {
        this.bookings = bookings;
        this.claims = claims;
        this.rooms = rooms;
        this.sites = sites;
        this.clock = clock;
    }

    /** Every active room of a site on a local date, with the starts that fit {@code minutes} (or the shortest booking). */
    @Transactional
    public List<RoomAvailability> forDay(long siteId, LocalDate day, Optional<Integer> minutes) {
        Instant now = clock.instant();
        return activeRooms(siteId).stream().map(room -> {
            BookingService.Place place = bookings.place(room.id());
            BookingPolicy policy = place.policy(now);
            int length = minutes.orElse(place.rules().minBookingMinutes());
            Optional<TimeRange> open = place.schedule().openWindow(day);
            List<TimeRange> free = open.map(window -> freeRanges(place, window, now)).orElse(List.of());
            List<Instant> starts = new ArrayList<>();
            for (TimeRange range : free) {
                for (Instant t = range.start(); !t.plus(Duration.ofMinutes(length)).isAfter(range.end()); t = t.plus(Grain.duration())) {
                    TimeRange candidate = new TimeRange(t, t.plus(Duration.ofMinutes(length)));
                    if (policy.checkNew(candidate).isEmpty()) {
                        starts.add(t);
                    }
                }
            }
            return new RoomAvailability(room.id(), room.name(), room.place(), room.capacity(), room.stepFree(),
                    room.equipmentSet(), open.orElse(null), free, starts);
        }).toList();
    }

    /** Rooms that can be booked from this moment for at least {@code minutes}. */
    @Transactional
    public List<FreeRoom> freeNow(long siteId, int minutes) {
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
            int step = place.rules().slotStepMinutes();
            long available = Math.min(range.get().length().toMinutes(), place.rules().maxBookingMinutes());
            int maxMinutes = (int) (available / step * step);
            if (maxMinutes >= Math.max(minutes, place.rules().minBookingMinutes())) {
                result.add(new FreeRoom(room.id(), room.name(), room.place(), room.capacity(), room.stepFree(),
                        room.equipmentSet(), start, maxMinutes));
            }
        }
        return result;
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
