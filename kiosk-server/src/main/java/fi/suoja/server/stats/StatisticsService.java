package fi.suoja.server.stats;

import fi.suoja.server.db.Tx;
import fi.suoja.server.booking.BookingStatus;
import fi.suoja.server.device.DeviceKind;
import fi.suoja.server.problem.SuojaException;
import fi.suoja.server.room.Room;
import fi.suoja.server.room.RoomService;
import fi.suoja.server.room.RoomTexts;
import fi.suoja.server.site.Site;
import fi.suoja.server.site.SiteService;
import fi.suoja.server.time.TimeRange;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Builds a site's {@link Statistics} for a range of its local days. */
@Singleton
class StatisticsService {

    /** A year and a leap day: enough for a yearly report, small enough to answer at once. */
    static final int MAX_DAYS = 366;
    static final String UNKNOWN_LANGUAGE = "unknown";
    /** Upper ends (seconds) of the wipe duration buckets: a wipe is quick, takes a while, or is slow. */
    static final List<Integer> WIPE_BUCKETS = List.of(10, 30, 60, 120, 300, 600);

    /** Device kinds as stored; listed even when nothing of a kind was lent, so tables keep their shape. */
    private static final List<String> DEVICE_KINDS = Arrays.stream(DeviceKind.values()).map(Enum::name).toList();

    private final SiteService sites;
    private final RoomService rooms;
    private final StatisticsQueries queries;
    private final Tx tx;

    StatisticsService(SiteService sites, RoomService rooms, StatisticsQueries queries, Tx tx) {
        this.tx = tx;
        this.sites = sites;
        this.rooms = rooms;
        this.queries = queries;
    }

    /** In one read-only transaction, so that every table is read at the same moment. */
    Statistics of(long siteId, LocalDate from, LocalDate to, @Nullable String language) {
        return tx.read(() -> read(siteId, from, to, language));
    }

    private Statistics read(long siteId, LocalDate from, LocalDate to, @Nullable String language) {
        if (from.isAfter(to)) {
            throw SuojaException.invalid("The first day (" + from + ") is after the last day (" + to + ").");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw SuojaException.invalid("Ask for at most " + MAX_DAYS + " days at a time.");
        }
        Site site = sites.get(siteId);
        Instant start = from.atStartOfDay(site.zone()).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(site.zone()).toInstant();
        List<BookingRow> overlapping = queries.bookingsOfSite(siteId, start, end);
        List<BookingRow> starting = overlapping.stream()
                .filter(b -> !b.startsAt().isBefore(start) && b.startsAt().isBefore(end))
                .toList();

        Occupancy occupancy = new Occupancy(site.zone(), from, to);
        List<Statistics.RoomDay> days = new ArrayList<>();
        List<Statistics.RoomHour> hours = new ArrayList<>();
        Map<Long, RoomTexts> texts = rooms.textsOfSite(siteId);
        long[][] weekOpen = new long[7][Occupancy.HOURS];
        long[][] weekBooked = new long[7][Occupancy.HOURS];
        for (Room room : rooms.ofSite(siteId)) {
            String name = texts.get(room.id()).name(language);
            List<TimeRange> held = overlapping.stream()
                    .filter(b -> b.roomId() == room.id())
                    .map(BookingRow::held)
                    .flatMap(Optional::stream)
                    .toList();
            var schedule = rooms.schedule(room);
            days.addAll(occupancy.days(room.id(), name, schedule, held));
            hours.addAll(occupancy.hours(room.id(), name, schedule, held));
            occupancy.addWeekHours(schedule, held, weekOpen, weekBooked);
        }

        Map<String, Integer> loansByKind = queries.loansByKind(siteId, start, end);
        List<Statistics.Loans> loans = DEVICE_KINDS.stream()
                .map(kind -> new Statistics.Loans(kind, loansByKind.getOrDefault(kind, 0)))
                .toList();

        List<StatisticsQueries.WipeRow> wipes = queries.finishedWipes(siteId, start, end);
        return new Statistics(siteId, site.timeZone(), from, to, bookings(starting), days, hours, loans,
                wipes(wipes), languages(starting), Occupancy.weekHours(weekOpen, weekBooked),
                perDay(from, to, site.zone(), starting, queries.loanStarts(siteId, start, end)), wipeDurations(wipes));
    }

    /** Bookings and loans started on each local day, every day listed. */
    static List<Statistics.DayCounts> perDay(LocalDate from, LocalDate to, ZoneId zone, List<BookingRow> starting,
                                             List<Instant> loanStarts) {
        Map<LocalDate, Long> bookingsOn = starting.stream()
                .collect(Collectors.groupingBy(b -> b.startsAt().atZone(zone).toLocalDate(), Collectors.counting()));
        Map<LocalDate, Long> loansOn = loanStarts.stream()
                .collect(Collectors.groupingBy(at -> at.atZone(zone).toLocalDate(), Collectors.counting()));
        List<Statistics.DayCounts> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.add(new Statistics.DayCounts(day, bookingsOn.getOrDefault(day, 0L).intValue(), loansOn.getOrDefault(day, 0L).intValue()));
        }
        return days;
    }

    /** Agent wipes by reported duration, in every bucket of {@link #WIPE_BUCKETS} and one for the longer ones. */
    static List<Statistics.WipeBucket> wipeDurations(List<StatisticsQueries.WipeRow> finished) {
        int[] counts = new int[WIPE_BUCKETS.size() + 1];
        for (StatisticsQueries.WipeRow row : finished) {
            if (row.method().equals("STAFF_CHECK") || row.durationMillis() == null) {
                continue;
            }
            int bucket = 0;
            while (bucket < WIPE_BUCKETS.size() && row.durationMillis() > WIPE_BUCKETS.get(bucket) * 1000L) {
                bucket++;
            }
            counts[bucket]++;
        }
        List<Statistics.WipeBucket> buckets = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            buckets.add(new Statistics.WipeBucket(i < WIPE_BUCKETS.size() ? WIPE_BUCKETS.get(i) : null, counts[i]));
        }
        return buckets;
    }

    static Statistics.Bookings bookings(List<BookingRow> starting) {
        int total = starting.size();
        int checkedIn = (int) starting.stream().filter(b -> b.checkedInAt() != null).count();
        int noShows = (int) starting.stream().filter(b -> b.status() == BookingStatus.NO_SHOW).count();
        int cancelled = (int) starting.stream().filter(b -> b.status() == BookingStatus.CANCELLED).count();
        int endedEarly = (int) starting.stream().filter(BookingRow::endedEarly).count();
        return new Statistics.Bookings(total, checkedIn, noShows, Occupancy.percent(noShows, total - cancelled),
                cancelled, endedEarly);
    }

    static Statistics.Wipes wipes(List<StatisticsQueries.WipeRow> finished) {
        int ok = 0;
        int failed = 0;
        int checks = 0;
        List<Long> durations = new ArrayList<>();
        for (StatisticsQueries.WipeRow row : finished) {
            if (row.method().equals("STAFF_CHECK")) {
                checks += row.state().equals("SUCCEEDED") ? 1 : 0;
                continue;
            }
            boolean verified = row.state().equals("SUCCEEDED");
            boolean unverified = row.state().equals("TIMED_OUT") || (row.state().equals("FAILED") && row.verified() != null);
            ok += verified ? 1 : 0;
            failed += unverified ? 1 : 0;
            if (row.durationMillis() != null) {
                durations.add(row.durationMillis());
            }
        }
        long[] sorted = durations.stream().mapToLong(Long::longValue).sorted().toArray();
        Long p50 = sorted.length == 0 ? null : sorted[(sorted.length + 1) / 2 - 1];
        Long max = sorted.length == 0 ? null : Arrays.stream(sorted).max().getAsLong();
        return new Statistics.Wipes(ok, failed, p50, max, checks);
    }

    static List<Statistics.Language> languages(List<BookingRow> starting) {
        Map<String, Long> counts = starting.stream().collect(Collectors.groupingBy(
                b -> b.language() == null || b.language().isBlank() ? UNKNOWN_LANGUAGE : b.language(),
                TreeMap::new, Collectors.counting()));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new Statistics.Language(e.getKey(), e.getValue().intValue()))
                .toList();
    }
}
