package fi.suoja.server.device;

import fi.suoja.server.access.Caller;
import fi.suoja.server.audit.AuditAction;
import fi.suoja.server.audit.AuditLog;
import fi.suoja.server.audit.Target;
import fi.suoja.server.booking.BookingRef;
import fi.suoja.server.booking.BookingService;
import fi.suoja.server.db.Tx;
import fi.suoja.server.problem.ProblemType;
import fi.suoja.server.problem.SuojaException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lending devices: handing out (never a laptop that may hold a guest's files), taking back, and
 * ending or extending loans with their bookings. A loan's end starts the device's wipe. Every
 * change is one transaction through {@link Lifecycle}; commands go out after the commit.
 */
@Singleton
class Loans {

    private static final Logger LOG = LoggerFactory.getLogger(Loans.class);

    private final DeviceRepository devices;
    private final LoanRepository loans;
    private final WipeJobs wipes;
    private final Lifecycle lifecycle;
    private final CommandSender commands;
    private final BookingService bookings;
    private final FleetConfig config;
    private final FleetLookup lookup;
    private final RandomText random;
    private final Tx tx;
    private final AuditLog audit;
    private final Clock clock;

    Loans(DeviceRepository devices, LoanRepository loans, WipeJobs wipes, Lifecycle lifecycle, CommandSender commands,
          BookingService bookings, FleetConfig config, FleetLookup lookup, RandomText random, Tx tx, AuditLog audit, Clock clock) {
        this.devices = devices;
        this.loans = loans;
        this.wipes = wipes;
        this.lifecycle = lifecycle;
        this.commands = commands;
        this.bookings = bookings;
        this.config = config;
        this.lookup = lookup;
        this.random = random;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a device is handed out for: exactly one of a booking code, a booking id, or a walk-in due time. */
    record HandOut(@Nullable String bookingCode, @Nullable Long bookingId, @Nullable Instant walkInUntil) {
    }

    Views.DeviceView handOut(String tag, HandOut request, Caller caller) {
        int given = (request.bookingCode() == null ? 0 : 1) + (request.bookingId() == null ? 0 : 1)
                + (request.walkInUntil() == null ? 0 : 1);
        if (given != 1) {
            throw SuojaException.invalid("Give exactly one of bookingCode, bookingId or walkInUntil.");
        }
        Instant now = clock.instant();
        Optional<BookingRef> booking = request.walkInUntil() != null ? Optional.empty()
                : Optional.of((request.bookingCode() != null ? bookings.ref(request.bookingCode()) : bookings.ref(request.bookingId()))
                .orElseThrow(() -> new SuojaException(ProblemType.BOOKING_NOT_FOUND, "No booking matches this code.")));
        Instant due;
        if (booking.isPresent()) {
            if (!booking.get().activeAt(now)) {
                throw new SuojaException(ProblemType.WRONG_BOOKING_STATE, "This booking has ended or was cancelled.");
            }
            due = booking.get().endsAt();
        } else {
            due = request.walkInUntil();
            if (!due.isAfter(now) || due.isAfter(now.plus(config.maxWalkIn()))) {
                throw SuojaException.invalid("A walk-in loan ends after now and within " + config.maxWalkIn().toHours() + " hours.");
            }
        }
        record Out(Device device, Loan loan) {
        }
        Out out = tx.run(() -> {
            Device device = devices.findByTag(tag).orElseThrow(() -> FleetLookup.unknown(tag));
            if (device.state() != DeviceState.READY) {
                throw new SuojaException(ProblemType.DEVICE_NOT_READY, device.state().whyNotReady(), null,
                        device.state().name(), device.stateReason());
            }
            device.notCleanByAgent().ifPresent(said -> {
                throw new SuojaException(ProblemType.DEVICE_NOT_CLEAN, "The laptop's agent last said " + said
                        + " (at " + device.agentStateAt() + "), so it may hold a guest's files: it is not handed out until"
                        + " the agent reports a verified wipe.", null, said.name(), null);
            });
            if (booking.isPresent() && booking.get().siteId() != device.siteId()) {
                throw SuojaException.invalid("This device belongs to another library than the booking.");
            }
            lifecycle.move(device, DeviceAction.HAND_OUT,
                    booking.map(b -> "Lent for booking " + b.id() + " until " + due + ".").orElse("Lent to a walk-in until " + due + "."), now);
            Loan loan = loans.save(new Loan(null, device.id(), booking.map(BookingRef::id).orElse(null), now, due, null, null, null,
                    staffName(caller), null));
            audit.record(AuditAction.HAND_OUT, device.siteId(), Target.device(device.tag()), booking.map(BookingRef::id).orElse(null),
                    null);
            return new Out(device, loan);
        });
        LOG.info("Device {} handed out (loan {}) until {}", out.device().id(), out.loan().id(), due);
        commands.startSession(out.device(), sessionId(out.loan()), due);
        return lookup.announce(out.device().id());
    }

    /**
     * Staff scan a device back. A device with an agent goes to WIPE_PENDING and its wipe starts; a
     * device without one is checked by the staff member now and is READY again.
     */
    Views.DeviceView returnDevice(String tag, Caller caller) {
        Instant now = clock.instant();
        String staff = staffName(caller);
        Device device = tx.run(() -> {
            Device d = devices.findByTag(tag).orElseThrow(() -> FleetLookup.unknown(tag));
            if (d.state() == DeviceState.ON_LOAN) {
                d = endLoan(d, loans.findByDeviceIdAndEndedAtIsNull(d.id()).orElse(null), LoanEnd.RETURNED, staff, now);
            } else if (!StaffAction.RETURN.allows(d.state(), d.kind(), d.unheard())) {
                throw new SuojaException(ProblemType.WRONG_DEVICE_STATE, "This device is not on loan. " + d.state().whyNotReady(),
                        null, d.state().name(), d.stateReason());
            }
            if (!d.kind().hasAgent()) {
                wipes.checkedByStaff(d, staff, now);
                lifecycle.move(d, DeviceAction.STAFF_CHECKED, "Checked by " + staff + " on return.", now);
            }
            audit.record(AuditAction.RETURN, d.siteId(), Target.device(d.tag()), null, null);
            return d;
        });
        return wipes.announceAndSend(device.id());
    }

    private static String staffName(Caller caller) {
        return caller instanceof Caller.Staff s ? s.username() : "staff";
    }

    /** Ends the loans of a booking that no longer holds its room and starts their devices' wipes. */
    int bookingEnded(long bookingId) {
        Instant now = clock.instant();
        List<String> ended = tx.run(() -> {
            List<String> ids = new ArrayList<>();
            for (Loan loan : loans.findByBookingIdAndEndedAtIsNull(bookingId)) {
                devices.findById(loan.deviceId()).ifPresent(d -> {
                    endLoan(d, loan, LoanEnd.BOOKING_ENDED, null, now);
                    ids.add(d.id());
                });
            }
            return ids;
        });
        afterLoansEnded(ended);
        return ended.size();
    }

    /** A booking runs longer: so do its loans, and the laptops' guest sessions are told the new end. */
    int bookingExtended(long bookingId, Instant endsAt) {
        record Lent(Device device, Loan loan) {
        }
        List<Lent> lent = tx.run(() -> {
            loans.extend(bookingId, endsAt);
            return loans.findByBookingIdAndEndedAtIsNull(bookingId).stream()
                    .map(l -> new Lent(devices.findById(l.deviceId()).orElseThrow(), l))
                    .toList();
        });
        for (Lent l : lent) {
            commands.startSession(l.device(), sessionId(l.loan()), endsAt);
            lookup.announce(l.device().id());
        }
        return lent.size();
    }

    /** Tells laptops whose loan ends within {@code suoja.fleet.warn-before} how many minutes are left, once per loan end. */
    int warnEndingLoans() {
        Instant now = clock.instant();
        int warned = 0;
        for (Loan loan : tx.run(() -> loans.toWarn(now, now.plus(config.warnBefore())))) {
            Optional<Device> device = tx.run(() -> loans.warned(loan.id(), now) == 1
                    ? devices.findById(loan.deviceId()).filter(d -> d.kind().hasAgent()) : Optional.<Device>empty());
            if (device.isPresent()) {
                long minutesLeft = (Duration.between(now, loan.dueAt()).getSeconds() + 59) / 60;
                commands.warn(device.get(), "warn-" + loan.id() + "-" + random.of(6), minutesLeft);
                warned++;
            }
        }
        return warned;
    }

    /** Catches up loans whose booking ended without us hearing, and walk-ins past their due time. */
    int sweepLoans() {
        Instant now = clock.instant();
        List<String> ended = new ArrayList<>();
        for (Loan loan : tx.run(loans::openOfEndedBookings)) {
            ended.addAll(tx.run(() -> devices.findById(loan.deviceId())
                    .map(d -> endLoan(d, loan, LoanEnd.BOOKING_ENDED, null, now)).map(Device::id).stream().toList()));
        }
        for (Loan loan : tx.run(() -> loans.overdueWalkIns(now))) {
            ended.addAll(tx.run(() -> devices.findById(loan.deviceId())
                    .map(d -> endLoan(d, loan, LoanEnd.DUE, null, now)).map(Device::id).stream().toList()));
        }
        afterLoansEnded(ended);
        return ended.size();
    }

    private void afterLoansEnded(List<String> deviceIds) {
        deviceIds.forEach(wipes::announceAndSend);
    }

    /**
     * Ends a loan and moves its device ON_LOAN → WIPE_PENDING with a new wipe job; inside a
     * transaction. {@code by}: the staff member who took it back, null when it ended by itself.
     */
    private Device endLoan(Device device, @Nullable Loan loan, LoanEnd why, @Nullable String by, Instant now) {
        if (loan != null && loans.end(loan.id(), now, why.name(), by) != 1) {
            return device;
        }
        if (device.state() != DeviceState.ON_LOAN) {
            return device;
        }
        lifecycle.move(device, DeviceAction.LOAN_ENDED, switch (why) {
            case RETURNED -> "Returned; waiting to be wiped.";
            case BOOKING_ENDED -> "The booking ended; waiting to be wiped.";
            case DUE -> "The walk-in loan ended; waiting to be wiped.";
            case TAKEN_OUT_OF_USE -> "Taken out of use.";
        }, now);
        wipes.open(device, now);
        LOG.info("Device {}: loan ended ({})", device.id(), why);
        return devices.findById(device.id()).orElseThrow();
    }

    /** The session of the device's running loan, sent again when its agent says HELLO. */
    void resendSession(Device device) {
        Optional<Loan> loan = tx.run(() -> devices.findById(device.id())
                .filter(d -> d.state() == DeviceState.ON_LOAN)
                .flatMap(d -> loans.findByDeviceIdAndEndedAtIsNull(d.id())));
        loan.ifPresent(l -> commands.startSession(device, sessionId(l), l.dueAt()));
    }

    private String sessionId(Loan loan) {
        return "ses-" + loan.id() + "-" + random.of(6);
    }
}
