package fi.suoja.server.booking;

import fi.suoja.server.access.Caller;
import fi.suoja.server.audit.AuditAction;
import fi.suoja.server.audit.AuditLog;
import fi.suoja.server.audit.Target;
import fi.suoja.server.db.IdBlocks;
import fi.suoja.server.db.SqlErrors;
import fi.suoja.server.db.Tx;
import fi.suoja.server.problem.ProblemType;
import fi.suoja.server.problem.SuojaException;
import fi.suoja.server.room.BookableRoom;
import fi.suoja.server.room.Room;
import fi.suoja.server.room.RoomSchedule;
import fi.suoja.server.room.RoomTexts;
import fi.suoja.server.room.RoomService;
import fi.suoja.server.site.BookingRules;
import fi.suoja.server.site.Site;
import fi.suoja.server.site.SiteService;
import fi.suoja.server.throttle.Scope;
import fi.suoja.server.throttle.Throttles;
import fi.suoja.server.time.Grain;
import fi.suoja.server.time.TimeRange;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.exceptions.TransactionException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Bookings: made, looked up and changed by booking code. Every change runs in one database
 * transaction; a change that would overlap another booking fails on the database's unique key
 * and is answered with {@link ProblemType#ROOM_TAKEN}.
 */
@Singleton
public class BookingService {

    private static final Logger LOG = LoggerFactory.getLogger(BookingService.class);
    /** New codes tried for one booking: a clash is about one in 2^44 / bookings kept, five in a row never happen by chance. */
    private static final int CODE_ATTEMPTS = 5;

    private final BookingRepository bookings;
    private final SlotClaimRepository claims;
    private final Throttles throttles;
    private final AuditLog audit;
    private final RoomService rooms;
    private final SiteService sites;
    private final CardHash cards;
    private final Tx tx;
    private final BookingConfig config;
    private final Clock clock;
    private final ApplicationEventPublisher<BookingEnded> ended;
    private final ApplicationEventPublisher<BookingExtended> extended;
    private final ApplicationEventPublisher<BookingCreated> created;
    private final ApplicationEventPublisher<BookingCheckedIn> checkedIn;
    private final ApplicationEventPublisher<BookingWritten> written;
    private final BookingCodes codes;
    private final SecureRandom random = new SecureRandom();
    /** Ids of new bookings, as many at one draw as the booking table's identity sequence steps (50, V19_1). */
    private final IdBlocks ids = new IdBlocks("booking");

    BookingService(BookingRepository bookings, SlotClaimRepository claims, Throttles throttles,
                   RoomService rooms, SiteService sites, CardHash cards,
                   Tx tx, BookingConfig config, Clock clock,
                   ApplicationEventPublisher<BookingEnded> ended, ApplicationEventPublisher<BookingExtended> extended,
                   ApplicationEventPublisher<BookingCreated> created, ApplicationEventPublisher<BookingCheckedIn> checkedIn,
                   ApplicationEventPublisher<BookingWritten> written, AuditLog audit, BookingCodes codes) {
        this.bookings = bookings;
        this.claims = claims;
        this.throttles = throttles;
        this.audit = audit;
        this.rooms = rooms;
        this.sites = sites;
        this.cards = cards;
        this.tx = tx;
        this.config = config;
        this.clock = clock;
        this.ended = ended;
        this.extended = extended;
        this.created = created;
        this.checkedIn = checkedIn;
        this.written = written;
        this.codes = codes;
    }

    /** A room with everything its rules need. */
    record Place(Room room, RoomTexts texts, Site site, BookingRules rules, RoomSchedule schedule) {

        BookingPolicy policy(Instant now) {
            return new BookingPolicy(rules, schedule, now);
        }
    }

    /** Read in one statement, in the caller's transaction: a rule staff just changed holds for the next booking. */
    Place place(long roomId) {
        BookableRoom read = rooms.bookable(roomId);
        return new Place(read.room(), read.texts(), read.site(), read.rules(), read.schedule());
    }

    public BookingView create(Caller caller, NewBooking request) {
        String cardHash = request.libraryCard() == null || request.libraryCard().isBlank()
                ? null : cards.of(request.libraryCard());
        BookingView made = withFreshCode(code -> written(caller, request, cardHash, code));
        announce(() -> created.publishEvent(BookingCreated.of(made)), "creation", made.id());
        if (made.checkedInAt() != null) {
            announceCheckIn(new BookingCheckedIn(made.id(), made.roomId(), made.checkedInAt()));
        }
        return made;
    }

    /**
     * Writes a booking with a new code in a transaction of its own. The code's unique key is its
     * check: no look for the code first (a round trip on every booking for a clash that comes once
     * in about 2^44 / bookings kept), and a clash rolls the whole booking back and writes it again
     * with another code. A few clashes in a row would mean the codes are not random; then it fails.
     */
    private BookingView withFreshCode(Function<String, BookingView> write) {
        for (int attempt = 1; ; attempt++) {
            try {
                return write.apply(codes.next().value());
            } catch (CodeTaken e) {
                if (attempt == CODE_ATTEMPTS) {
                    throw new IllegalStateException(CODE_ATTEMPTS + " new booking codes in a row were taken already", e);
                }
                LOG.info("A new booking code was taken already; writing the booking again with another ({})", attempt);
            }
        }
    }

    /** A new booking's code is some other booking's: the booking's transaction rolled back. */
    private static final class CodeTaken extends RuntimeException {
        CodeTaken(Throwable cause) {
            super("booking code taken", cause, false, false);
        }
    }

    private BookingView written(Caller caller, NewBooking request, @Nullable String cardHash, String code) {
        return changing(() -> {
            Instant now = clock.instant();
            Place place = place(request.roomId());
            if (caller instanceof Caller.KioskClient kiosk && kiosk.siteId() != place.site().id()) {
                throw SuojaException.notFound("The room");
            }
            if (!place.room().active()) {
                throw violation(RuleViolation.ROOM_NOT_IN_USE);
            }
            if (request.minutes() <= 0) {
                throw violation(RuleViolation.TOO_SHORT);
            }
            TimeRange range = new TimeRange(request.start(), request.start().plus(Duration.ofMinutes(request.minutes())));
            BookingPolicy policy = place.policy(now);
            policy.checkNew(range).ifPresent(v -> {
                throw violation(v);
            });
            String name = request.nameOnDoor() == null || request.nameOnDoor().isBlank() ? null : request.nameOnDoor().strip();
            if (name != null && !place.rules().nameOnDoorAllowed()) {
                throw violation(RuleViolation.NAME_ON_DOOR_NOT_ALLOWED);
            }
            if (cardHash == null && place.rules().libraryCardRequired()) {
                throw violation(RuleViolation.CARD_REQUIRED);
            }
            if (cardHash != null) {
                // The site's row lock makes "count, then insert" atomic for one card across instances.
                sites.lock(place.site().id());
                if (bookings.countActiveForCard(place.site().id(), cardHash, now) >= place.rules().maxActiveBookingsPerCard()) {
                    throw new SuojaException(ProblemType.CARD_LIMIT,
                            "This library card already has " + place.rules().maxActiveBookingsPerCard() + " bookings.");
                }
            }
            String doorCode = place.room().keypad() ? DoorCodes.random(random).digits() : null;
            Instant doorCodeFrom = doorCode == null ? null : range.start().minus(place.rules().doorCodeLead());
            // Booked at a kiosk for now: the visitor stands there, so the room is theirs at once and no one is a no-show.
            boolean theirsNow = caller instanceof Caller.KioskClient && policy.isForNow(range);
            Booking booking = insert(new Booking(null, place.room().id(), code, doorCode, doorCodeFrom,
                    range.start(), range.end(), theirsNow ? BookingStatus.CHECKED_IN : BookingStatus.CONFIRMED, cardHash, name,
                    caller instanceof Caller.KioskClient k ? k.kioskId() : null,
                    now, theirsNow ? now : null, null, null, false, request.language()));
            claimNew(booking, place.rules());
            written.publishEvent(new BookingWritten(door(booking), place.room()));
            LOG.info("Booking {} made for room {} from {} to {}{}", booking.id(), place.room().id(), range.start(), range.end(),
                    theirsNow ? ", checked in: booked for now at a kiosk" : "");
            return view(booking, place);
        });
    }

    /**
     * The booking's own row. On PostgreSQL its id is drawn first and the row put off to the commit,
     * ahead of its slot claims and door tasks, all in one statement with the {@code COMMIT}; a taken
     * code then fails the commit, and {@link #changing} tells it from a taken room by the table.
     * Elsewhere it is written at once. Its only unique key besides the id is the code, so a
     * unique-key violation of this insert is a taken code, never a taken room (the slot claims
     * come after it).
     */
    private Booking insert(Booking booking) {
        OptionalLong id = ids.next(tx);
        if (id.isPresent()) {
            Booking numbered = booking.withId(id.getAsLong());
            Booking.INSERT.insertBeforeCommit(tx, List.of(numbered));
            return numbered;
        }
        try {
            return bookings.save(booking);
        } catch (DataAccessException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new CodeTaken(e);
            }
            throw e;
        }
    }

    public BookingView find(Caller caller, String typedCode) {
        return byCode(caller, typedCode, (booking, place, now) -> view(booking, place));
    }

    /** Checks a booking in by its code; a booking checked in already (at booking, at its door) stays as it is. */
    public BookingView checkIn(Caller caller, String typedCode) {
        CheckIn done = byCode(caller, typedCode, (booking, place, now) -> {
            if (booking.status() == BookingStatus.CHECKED_IN) {
                return new CheckIn(view(booking, place), false);
            }
            requireStatus(booking, BookingStatus.CHECKED_IN);
            place.policy(now).checkCheckIn(booking.range()).ifPresent(v -> {
                throw violation(v);
            });
            changed(bookings.checkIn(booking.id(), now));
            return new CheckIn(reloaded(booking, place), true);
        });
        if (done.now()) {
            announceCheckIn(new BookingCheckedIn(done.view().id(), done.view().roomId(), done.view().checkedInAt()));
        }
        return done.view();
    }

    /** A booking after a check-in by code; {@code now}: this call checked it in. */
    private record CheckIn(BookingView view, boolean now) {
    }

    /**
     * The booking's door code was just used on its room's keypad: the first use checks it in. Only a
     * booking not checked in yet whose code opens the door now and whose check-in is open now; for
     * any other (checked in already, ended, released, a code out of its window, too late) nothing
     * changes. Answers whether this use checked it in.
     */
    public boolean checkInAtDoor(long bookingId) {
        Optional<BookingCheckedIn> done = tx.run(() -> {
            Instant now = clock.instant();
            Optional<Booking> found = bookings.findById(bookingId)
                    .filter(b -> b.status() == BookingStatus.CONFIRMED && b.doorCodeLiveAt(now));
            if (found.isEmpty() || place(found.get().roomId()).policy(now).checkCheckIn(found.get().range()).isPresent()
                    || bookings.checkIn(bookingId, now) != 1) {
                return Optional.empty();
            }
            LOG.info("Booking {} checked in: its door code opened the door", bookingId);
            return Optional.of(new BookingCheckedIn(bookingId, found.get().roomId(), now));
        });
        done.ifPresent(this::announceCheckIn);
        return done.isPresent();
    }

    private void announceCheckIn(BookingCheckedIn event) {
        announce(() -> checkedIn.publishEvent(event), "check-in", event.bookingId());
    }

    public BookingView extend(Caller caller, String typedCode, int extraMinutes) {
        BookingView view = byCode(caller, typedCode, (booking, place, now) -> {
            if (!booking.status().holdsRoom()) {
                throw wrongState(booking);
            }
            place.policy(now).checkExtension(booking.range(), extraMinutes).ifPresent(v -> {
                throw violation(v);
            });
            Instant newEnd = booking.endsAt().plus(Duration.ofMinutes(extraMinutes));
            changed(bookings.extend(booking.id(), booking.endsAt(), newEnd));
            claim(booking, newEnd, place.rules());
            return reloaded(booking, place);
        });
        announce(() -> extended.publishEvent(new BookingExtended(view.id(), view.end())), "extension", view.id());
        return view;
    }

    /** Ends a booking that has started: the room is free again after the buffer. */
    public BookingView end(Caller caller, String typedCode) {
        BookingView view = byCode(caller, typedCode, (booking, place, now) -> {
            requireStatus(booking, BookingStatus.COMPLETED);
            if (now.isBefore(booking.startsAt())) {
                throw violation(RuleViolation.NOT_STARTED);
            }
            if (!now.isBefore(booking.endsAt())) {
                throw violation(RuleViolation.BOOKING_OVER);
            }
            Instant newEnd = Grain.ceil(now).isAfter(booking.startsAt()) ? Grain.ceil(now) : booking.startsAt().plus(Grain.duration());
            changed(bookings.close(booking.id(), booking.status().name(), BookingStatus.COMPLETED.name(), newEnd, now));
            byStaff(caller, AuditAction.BOOKING_ENDED, booking, place);
            claims.releaseFrom(booking.id(), Grain.index(newEnd.plus(place.rules().buffer())));
            LOG.info("Booking {} ended early at {}", booking.id(), now);
            return reloaded(booking, place);
        });
        published(view);
        return view;
    }

    public BookingView cancel(Caller caller, String typedCode, @Nullable String reason) {
        BookingView view = byCode(caller, typedCode, (booking, place, now) -> {
            requireStatus(booking, BookingStatus.CANCELLED);
            changed(bookings.cancel(booking.id(), now, reason == null || reason.isBlank() ? null : reason.strip()));
            byStaff(caller, AuditAction.BOOKING_CANCELLED, booking, place);
            claims.releaseAll(booking.id());
            LOG.info("Booking {} cancelled", booking.id());
            return reloaded(booking, place);
        });
        published(view);
        return view;
    }

    /** A booking by its code, for other features; no attempt counting (staff only). */
    public Optional<BookingRef> ref(String typedCode) {
        return tx.read(() -> BookingCode.parse(typedCode).flatMap(code -> bookings.findByCode(code.value())).map(this::ref));
    }

    public Optional<BookingRef> ref(long bookingId) {
        return tx.read(() -> bookings.findById(bookingId).map(this::ref));
    }

    /** A booking's code as staff read it, for looking back; empty once retention has erased it, or for an unknown booking. */
    public Optional<String> code(long bookingId) {
        return tx.read(() -> bookings.findById(bookingId).map(Booking::code).map(code -> new BookingCode(code).display()));
    }

    /** The door side of a booking, read now; empty for an unknown booking. */
    public Optional<BookingDoor> door(long bookingId) {
        return tx.read(() -> bookings.findById(bookingId).map(BookingService::door));
    }

    /** The bookings that hold their room now or later, for features that check their own plans against them. */
    public List<BookingDoor> holdingRooms(Instant after) {
        return tx.read(() -> bookings.findByStatusInAndEndsAtGreaterThan(
                        List.of(BookingStatus.CONFIRMED, BookingStatus.CHECKED_IN), after).stream()
                .map(BookingService::door).toList());
    }

    private static BookingDoor door(Booking b) {
        return new BookingDoor(b.id(), b.roomId(), b.status(), b.startsAt(), b.endsAt(), b.doorCode(), b.doorCodeFrom(),
                b.checkedInAt());
    }

    private BookingRef ref(Booking b) {
        return new BookingRef(b.id(), place(b.roomId()).site().id(), b.startsAt(), b.endsAt(), b.status());
    }

    /** Tells listeners, after the commit, that a booking no longer holds its room. */
    private void published(BookingView view) {
        publishEnded(view.id(), view.status(), view.endedAt() == null ? clock.instant() : view.endedAt());
    }

    /** Tells listeners of a committed change; the change stands whatever they do. */
    private void announce(Runnable publish, String what, long bookingId) {
        try {
            publish.run();
        } catch (RuntimeException e) {
            LOG.error("A listener failed on the {} of booking {}", what, bookingId, e);
        }
    }

    /** Tells listeners that a booking no longer holds its room; they also catch up by their own sweeps. */
    void publishEnded(long bookingId, BookingStatus status, Instant at) {
        announce(() -> ended.publishEvent(new BookingEnded(bookingId, status, at)), "end", bookingId);
    }

    /** A site's bookings that start on a local date, for the staff desk. */
    public List<BookingView> ofSiteDay(long siteId, LocalDate day) {
        return tx.read(() -> {
            Site site = sites.get(siteId);
            List<Room> siteRooms = rooms.ofSite(siteId);
            if (siteRooms.isEmpty()) {
                return List.of();
            }
            Instant from = day.atStartOfDay(site.zone()).toInstant();
            Instant to = day.plusDays(1).atStartOfDay(site.zone()).toInstant();
            var placeByRoom = siteRooms.stream().collect(Collectors.toMap(Room::id, r -> place(r.id())));
            return bookings.findByRoomIdInAndStartsAtGreaterThanEqualsAndStartsAtLessThanOrderByStartsAt(
                            placeByRoom.keySet(), from, to).stream()
                    .map(b -> view(b, placeByRoom.get(b.roomId())))
                    .toList();
        });
    }

    /** Whether a room's keypad opens for a code now; for door locks that ask the server. */
    public boolean doorCodeOpens(long roomId, String typed, Instant at) {
        return tx.read(() -> bookings.findByRoomIdInAndStartsAtGreaterThanEqualsAndStartsAtLessThanOrderByStartsAt(
                        List.of(roomId), at.minus(Duration.ofDays(1)), at.plus(Duration.ofDays(1))).stream()
                .anyMatch(b -> b.doorCodeOpensAt(typed, at)));
    }

    /** What a look-up by code does with the booking, inside its transaction. */
    @FunctionalInterface
    private interface Change<R> {
        R apply(Booking booking, Place place, Instant now);
    }

    /**
     * A change by booking code. At a kiosk, the code is a guess until it matches: wrong codes are
     * slowed down per kiosk ({@link Throttles}), a right code is always answered in its turn.
     */
    private <R> R byCode(Caller caller, String typedCode, Change<R> change) {
        if (caller instanceof Caller.KioskClient kiosk) {
            return throttles.guarded(Scope.kiosk(kiosk.kioskId(), kiosk.siteId()), config.codePolicy(),
                    "Too many wrong codes at this kiosk. Please wait a moment, or ask staff.",
                    e -> e instanceof SuojaException s && s.type() == ProblemType.BOOKING_NOT_FOUND,
                    () -> lookUp(caller, typedCode, change));
        }
        return lookUp(caller, typedCode, change);
    }

    private <R> R lookUp(Caller caller, String typedCode, Change<R> change) {
        return changing(() -> {
            Booking booking = BookingCode.parse(typedCode)
                    .flatMap(code -> bookings.findByCode(code.value()))
                    .orElseThrow(BookingService::noSuchBooking);
            Place place = place(booking.roomId());
            if (caller instanceof Caller.KioskClient kiosk && kiosk.siteId() != place.site().id()) {
                throw noSuchBooking();
            }
            return change.apply(booking, place, clock.instant());
        });
    }

    /** What staff do to a booking goes into the audit log; what a visitor does at a kiosk does not. */
    private void byStaff(Caller caller, AuditAction action, Booking booking, Place place) {
        if (caller instanceof Caller.Staff) {
            audit.record(action, place.site().id(), Target.room(place.room().id()), booking.id(), null);
        }
    }

    /** A new booking's slots: it holds none yet. */
    private void claimNew(Booking booking, BookingRules rules) {
        SlotClaim.INSERT.insertBeforeCommit(tx, Grain.indexes(booking.startsAt(), booking.endsAt().plus(rules.buffer()))
                .mapToObj(m -> new SlotClaim(null, booking.roomId(), m, booking.id())).toList());
    }

    /** Takes the grains of {@code [start, end + buffer)} that this booking does not hold yet. */
    private void claim(Booking booking, Instant end, BookingRules rules) {
        Set<Long> held = claims.findByBookingId(booking.id()).stream().map(SlotClaim::slotMinute).collect(Collectors.toSet());
        Set<Long> wanted = new HashSet<>();
        Grain.indexes(booking.startsAt(), end.plus(rules.buffer())).forEach(wanted::add);
        wanted.removeAll(held);
        SlotClaim.INSERT.insert(tx, wanted.stream().sorted().map(m -> new SlotClaim(null, booking.roomId(), m, booking.id())).toList());
    }

    /** The booking as it is now, after a change in this transaction. */
    private BookingView reloaded(Booking booking, Place place) {
        return view(bookings.findById(booking.id()).orElseThrow(), place);
    }

    BookingView view(Booking b, Place place) {
        return new BookingView(
                b.code() == null ? null : new BookingCode(b.code()).display(),
                place.room().id(), place.room().name(), place.room().place(), place.texts().names(), place.texts().places(),
                place.site().id(), place.site().timeZone(),
                b.startsAt(), b.endsAt(), b.status(),
                b.doorCode(), b.doorCode() == null ? null : b.doorCodeFrom(), b.doorCode() == null ? null : b.endsAt(),
                b.checkedInAt(), b.endedAt(), b.nameOnDoor(), b.cardHash() != null, b.language(), b.id(),
                b.status() == BookingStatus.CONFIRMED ? place.policy(clock.instant()).graceEnd(b.range()) : null);
    }

    /**
     * Runs a change of bookings in one transaction. A unique-key violation is an overlap: the room is taken.
     */
    private <T> T changing(Supplier<T> work) {
        try {
            return tx.run(work);
        } catch (DataAccessException | TransactionException e) {
            if (SqlErrors.isUniqueViolationIn(e, "booking")) {
                throw new CodeTaken(e); // only a new booking writes the booking table's one unique key, its code
            }
            if (SqlErrors.isUniqueViolation(e)) {
                throw new SuojaException(ProblemType.ROOM_TAKEN, "The room is already booked for some of that time.");
            }
            throw e;
        }
    }

    private static void requireStatus(Booking booking, BookingStatus next) {
        if (!booking.status().canMoveTo(next)) {
            throw wrongState(booking);
        }
    }

    private static void changed(int rows) {
        if (rows != 1) {
            throw new SuojaException(ProblemType.WRONG_BOOKING_STATE, "The booking changed at the same moment. Please try again.");
        }
    }

    private static SuojaException wrongState(Booking booking) {
        String state = switch (booking.status()) {
            case CONFIRMED -> "is not checked in";
            case CHECKED_IN -> "is checked in already";
            case COMPLETED -> "has ended";
            case CANCELLED -> "was cancelled";
            case NO_SHOW -> "was released because nobody came";
        };
        return new SuojaException(ProblemType.WRONG_BOOKING_STATE, "This booking " + state + ".");
    }

    static SuojaException violation(RuleViolation violation) {
        return new SuojaException(ProblemType.BOOKING_RULE, violation.message(), violation.slug());
    }

    private static SuojaException noSuchBooking() {
        return new SuojaException(ProblemType.BOOKING_NOT_FOUND, "This code does not match a booking. Check the code and try again.");
    }
}
