package fi.suoja.server.device;

import fi.suoja.server.db.Tx;
import fi.suoja.hardware.mqtt.DeviceStatus;
import fi.suoja.hardware.mqtt.Event;
import fi.suoja.hardware.mqtt.Topics;
import fi.suoja.server.access.Caller;
import fi.suoja.server.audit.AuditAction;
import fi.suoja.server.audit.AuditLog;
import fi.suoja.server.audit.Target;
import fi.suoja.server.booking.BookingRef;
import fi.suoja.server.booking.BookingService;
import fi.suoja.server.broker.DeviceChannel;
import fi.suoja.server.broker.MosquittoPassword;
import fi.suoja.server.broker.MqttConfig;
import fi.suoja.server.problem.ProblemType;
import fi.suoja.server.problem.SuojaException;
import fi.suoja.server.site.SiteService;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The device fleet: provisioning, loans, staff actions, and what agents report. Every change is
 * one transaction of conditional updates through {@link Lifecycle}; commands go out after the
 * commit, and each change is announced to the live view.
 */
@Singleton
class FleetService {

    private static final Logger LOG = LoggerFactory.getLogger(FleetService.class);
    private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final DeviceRepository devices;
    private final LoanRepository loans;
    private final WipeRecordRepository records;
    private final WipeJobs wipes;
    private final AgentReports reports;
    private final Refusals refusals;
    private final Lifecycle lifecycle;
    private final CommandSender commands;
    private final FleetViews views;
    private final DeviceChanges changes;
    private final DeviceKeys keys;
    private final SiteService sites;
    private final BookingService bookings;
    private final Topics topics;
    private final String agentBrokerUrl;
    private final MqttConfig mqtt;
    private final FleetConfig config;
    private final Tx tx;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    FleetService(DeviceRepository devices, LoanRepository loans, WipeRecordRepository records, WipeJobs wipes,
                 AgentReports reports, Refusals refusals, Lifecycle lifecycle, CommandSender commands, FleetViews views, DeviceChanges changes, DeviceKeys keys,
                 SiteService sites, BookingService bookings, DeviceChannel channel, MqttConfig mqtt, FleetConfig config,
                 Tx tx, Clock clock, AuditLog audit) {
        this.devices = devices;
        this.loans = loans;
        this.records = records;
        this.wipes = wipes;
        this.reports = reports;
        this.refusals = refusals;
        this.lifecycle = lifecycle;
        this.commands = commands;
        this.views = views;
        this.changes = changes;
        this.keys = keys;
        this.sites = sites;
        this.bookings = bookings;
        this.topics = channel.topics();
        this.agentBrokerUrl = channel.agentBrokerUrl();
        this.mqtt = mqtt;
        this.config = config;
        this.tx = tx;
        this.clock = clock;
        this.audit = audit;
    }

    // ---- provisioning ----

    Views.Provisioned register(String tag, DeviceKind kind, long siteId) {
        sites.get(siteId);
        Instant now = clock.instant();
        String id = kind.idPrefix() + "-" + randomText(12).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "x");
        String key = kind.hasAgent() ? keys.newKey() : null;
        String password = kind.hasAgent() ? randomText(32) : null;
        Device created = tx.run(() -> {
            if (devices.existsByTag(tag)) {
                throw new SuojaException(ProblemType.ALREADY_EXISTS, "A device with the tag " + tag + " exists already.");
            }
            Device device = devices.save(new Device(id, tag, kind, siteId, DeviceState.PROVISIONED,
                    kind.hasAgent() ? "New: waiting for the agent's first verified wipe." : "New: waiting for a staff check.",
                    now, key == null ? null : keys.seal(id, key), kind.hasAgent() ? id : null,
                    password == null ? null : MosquittoPassword.hash(password, random),
                    false, 0, null, null, null, null, null, null, now, null, null, 0, null, null, null));
            wipes.open(device, now);
            audit.record(AuditAction.DEVICE_REGISTERED, siteId, Target.device(tag), null, kind.name());
            return device;
        });
        LOG.info("Device {} ({}, tag {}) provisioned for site {}", id, kind, tag, siteId);
        Views.DeviceView view = announce(id);
        if (!kind.hasAgent()) {
            return new Views.Provisioned(view, null, null, List.of(), List.of());
        }
        String agentConfig = BrokerFiles.agentConfig(created, password, key, new BrokerFiles.AgentSettings(
                agentBrokerUrl, topics.root(), config.wipeAreas(), config.agentStateDir(),
                config.heartbeatSeconds(), config.sessionKind(), config.guestUser()), now);
        return new Views.Provisioned(view, agentConfig, BrokerFiles.passwordLine(created),
                BrokerFiles.deviceAcl(created, topics), BrokerFiles.serverAcl(serverUser(), topics));
    }

    /** The password and ACL files for an external Mosquitto, with every agent device that is not retired. */
    Views.BrokerFilesView brokerFiles() {
        List<Device> all = tx.run(devices::findAllOrderByTag);
        StringBuilder passwords = new StringBuilder();
        StringBuilder acl = new StringBuilder("# Suoja fleet ACL, written by kiosk-server.\n");
        if (mqtt.username() != null && mqtt.password() != null && !mqtt.password().isEmpty()) {
            passwords.append(MosquittoPassword.line(mqtt.username(), MosquittoPassword.hash(mqtt.password(), random))).append('\n');
        }
        acl.append(String.join("\n", BrokerFiles.serverAcl(serverUser(), topics))).append("\n\n");
        for (Device d : all) {
            if (!d.kind().hasAgent() || d.state() == DeviceState.RETIRED || d.brokerPasswordHash() == null) {
                continue;
            }
            passwords.append(BrokerFiles.passwordLine(d)).append('\n');
            acl.append(String.join("\n", BrokerFiles.deviceAcl(d, topics))).append("\n\n");
        }
        return new Views.BrokerFilesView(passwords.toString(), acl.toString());
    }

    private String serverUser() {
        return mqtt.username() == null || mqtt.username().isBlank() ? "suoja-server" : mqtt.username();
    }

    // ---- reading ----

    List<Views.DeviceView> list(@Nullable Long siteId, @Nullable DeviceState state) {
        return tx.run(() -> devices.findAllOrderByTag().stream()
                .filter(d -> siteId == null || d.siteId() == siteId)
                .filter(d -> state == null || d.state() == state)
                .map(views::of)
                .toList());
    }

    Views.DeviceView get(String idOrTag) {
        return tx.run(() -> views.of(find(idOrTag)));
    }

    List<Views.WipeReportView> reports(String idOrTag) {
        return tx.run(() -> records.findByDeviceIdOrderByFinishedAtDesc(find(idOrTag).id()).stream()
                .map(FleetViews::report).toList());
    }

    // ---- loans ----

    /** What a device is handed out for: exactly one of a booking code, a booking id, or a walk-in due time. */
    record HandOut(@Nullable String bookingCode, @Nullable Long bookingId, @Nullable Instant walkInUntil) {
    }

    Views.DeviceView handOut(String tag, HandOut request) {
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
            Device device = devices.findByTag(tag).orElseThrow(() -> unknown(tag));
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
            Loan loan = loans.save(new Loan(null, device.id(), booking.map(BookingRef::id).orElse(null), now, due, null, null, null));
            audit.record(AuditAction.HAND_OUT, device.siteId(), Target.device(device.tag()), booking.map(BookingRef::id).orElse(null),
                    null);
            return new Out(device, loan);
        });
        LOG.info("Device {} handed out (loan {}) until {}", out.device().id(), out.loan().id(), due);
        commands.startSession(out.device(), "ses-" + out.loan().id() + "-" + randomText(6), due);
        return announce(out.device().id());
    }

    /**
     * Staff scan a device back. A device with an agent goes to WIPE_PENDING and its wipe starts; a
     * device without one is checked by the staff member now and is READY again.
     */
    Views.DeviceView returnDevice(String tag, Caller caller) {
        Instant now = clock.instant();
        String staff = caller instanceof Caller.Staff s ? s.username() : "staff";
        Device device = tx.run(() -> {
            Device d = devices.findByTag(tag).orElseThrow(() -> unknown(tag));
            if (d.state() == DeviceState.ON_LOAN) {
                d = endLoan(d, loans.findByDeviceIdAndEndedAtIsNull(d.id()).orElse(null), LoanEnd.RETURNED, now);
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
        wipes.send(device.id(), true);
        return announce(device.id());
    }

    /** Ends the loans of a booking that no longer holds its room and starts their devices' wipes. */
    int bookingEnded(long bookingId) {
        Instant now = clock.instant();
        List<String> ended = tx.run(() -> {
            List<String> ids = new ArrayList<>();
            for (Loan loan : loans.findByBookingIdAndEndedAtIsNull(bookingId)) {
                devices.findById(loan.deviceId()).ifPresent(d -> {
                    endLoan(d, loan, LoanEnd.BOOKING_ENDED, now);
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
            commands.startSession(l.device(), "ses-" + l.loan().id() + "-" + randomText(6), endsAt);
            announce(l.device().id());
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
                long minutesLeft = (java.time.Duration.between(now, loan.dueAt()).getSeconds() + 59) / 60;
                commands.warn(device.get(), "warn-" + loan.id() + "-" + randomText(6), minutesLeft);
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
                    .map(d -> endLoan(d, loan, LoanEnd.BOOKING_ENDED, now)).map(Device::id).stream().toList()));
        }
        for (Loan loan : tx.run(() -> loans.overdueWalkIns(now))) {
            ended.addAll(tx.run(() -> devices.findById(loan.deviceId())
                    .map(d -> endLoan(d, loan, LoanEnd.DUE, now)).map(Device::id).stream().toList()));
        }
        afterLoansEnded(ended);
        return ended.size();
    }

    private void afterLoansEnded(List<String> deviceIds) {
        for (String id : deviceIds) {
            wipes.send(id, true);
            announce(id);
        }
    }

    /** Ends a loan and moves its device ON_LOAN → WIPE_PENDING with a new wipe job; inside a transaction. */
    private Device endLoan(Device device, @Nullable Loan loan, LoanEnd why, Instant now) {
        if (loan != null && loans.end(loan.id(), now, why.name()) != 1) {
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

    // ---- staff actions ----

    Views.DeviceView wipe(String idOrTag) {
        Instant now = clock.instant();
        Device device = tx.run(() -> {
            Device d = find(idOrTag);
            if (d.state() == DeviceState.READY) {
                lifecycle.move(d, DeviceAction.WIPE_REQUESTED, "Wipe requested by staff.", now);
                wipes.open(d, now);
            } else if (!StaffAction.WIPE.allows(d.state(), d.kind(), d.unheard())) {
                throw Lifecycle.wrongState(d);
            }
            audit.record(AuditAction.WIPE_NOW, d.siteId(), Target.device(d.tag()), null, null);
            return d;
        });
        wipes.send(device.id(), true);
        return announce(device.id());
    }

    Views.DeviceView faulty(String idOrTag, String reason) {
        return takeOutOfUse(idOrTag, DeviceAction.MARK_FAULTY, "Faulty: " + reason, AuditAction.DEVICE_FAULTY, reason);
    }

    Views.DeviceView retire(String idOrTag, String reason) {
        return takeOutOfUse(idOrTag, DeviceAction.RETIRE, "Retired: " + reason, AuditAction.DEVICE_RETIRED, reason);
    }

    private Views.DeviceView takeOutOfUse(String idOrTag, DeviceAction action, String reason, AuditAction audited, String why) {
        Instant now = clock.instant();
        Device device = tx.run(() -> {
            Device d = find(idOrTag);
            lifecycle.move(d, action, reason, now);
            loans.findByDeviceIdAndEndedAtIsNull(d.id()).ifPresent(l -> loans.end(l.id(), now, LoanEnd.TAKEN_OUT_OF_USE.name()));
            wipes.abandon(d.id(), reason, now);
            audit.record(audited, d.siteId(), Target.device(d.tag()), null, why);
            return d;
        });
        return announce(device.id());
    }

    /** A failed or faulty device was looked at by staff: it gets a new wipe and is READY only after it. */
    Views.DeviceView repaired(String idOrTag, @Nullable String note) {
        Instant now = clock.instant();
        Device device = tx.run(() -> {
            Device d = find(idOrTag);
            lifecycle.move(d, DeviceAction.REPAIRED, "Repaired" + (note == null || note.isBlank() ? "" : " (" + note.strip() + ")")
                    + "; waiting for a new wipe.", now);
            wipes.open(d, now);
            audit.record(AuditAction.DEVICE_REPAIRED, d.siteId(), Target.device(d.tag()), null, note);
            return d;
        });
        wipes.send(device.id(), true);
        return announce(device.id());
    }

    // ---- what agents say ----

    void statusArrived(DeviceStatus status) {
        Optional<Device> before = tx.run(() -> devices.findById(status.deviceId()));
        if (before.isEmpty() || !before.get().kind().hasAgent()) {
            LOG.warn("Ignoring a status of unknown device {}", status.deviceId());
            return;
        }
        if (reports.status(before.get(), status)) {
            // Coming online sends nothing by itself: the agent's HELLO right after asks for what is open,
            // and the scheduler sends due tries to online devices should a HELLO be lost.
            announce(status.deviceId());
        }
    }

    void eventArrived(Event event) {
        Optional<Device> found = tx.run(() -> devices.findById(event.deviceId()));
        if (found.isEmpty() || !found.get().kind().hasAgent()) {
            LOG.warn("Ignoring a {} event of unknown device {}", event.type(), event.deviceId());
            return;
        }
        Device device = found.get();
        if (!reports.event(device, event)) {
            return;
        }
        switch (event.type()) {
            case HELLO -> hello(device);
            case ACK -> wipes.acknowledged(device, event.commandId());
            case PROGRESS -> LOG.debug("Device {}: {}", device.id(), event.detail());
            case RESULT -> {
                if (event.wipe() != null) {
                    wipes.result(device.id(), event.commandId(), event.wipe());
                } else {
                    LOG.info("Device {}: command {} done: {}", device.id(), event.commandId(), event.detail());
                }
            }
            case REJECTED -> {
                LOG.warn("Device {} refused command {}: {}", device.id(), event.commandId(), event.detail());
                wipes.rejected(device, event.commandId(), event.detail() == null ? "no reason given" : event.detail());
            }
        }
        if (tx.run(() -> devices.findById(device.id()).map(Device::online).orElse(false)) != device.online()
                || device.unheard()) {
            announce(device.id());
        }
    }

    /** A message on a device's topics that could not be read, or that named another device. */
    void messageRefused(String deviceId, RefusalKind kind, String reason) {
        refusals.refuse(deviceId, kind, reason);
    }

    /**
     * Staff resolve a device the server cannot hear (a restored state folder, a cloned laptop, a
     * clock that was far off): the server forgets its session identity, and the agent's next signed
     * message is heard whatever its epoch and counter.
     */
    Views.DeviceView hearAgain(String idOrTag) {
        Device device = tx.run(() -> find(idOrTag));
        if (!device.kind().hasAgent()) {
            throw new SuojaException(ProblemType.WRONG_DEVICE_STATE, "This device has no agent to hear.", null,
                    device.state().name(), device.stateReason());
        }
        reports.forget(device);
        return announce(device.id());
    }

    /** The agent asks for what is still open for it: the running loan's session and the open wipe. */
    private void hello(Device device) {
        LOG.info("Device {}: HELLO", device.id());
        Optional<Loan> loan = tx.run(() -> devices.findById(device.id())
                .filter(d -> d.state() == DeviceState.ON_LOAN)
                .flatMap(d -> loans.findByDeviceIdAndEndedAtIsNull(d.id())));
        loan.ifPresent(l -> commands.startSession(device, "ses-" + l.id() + "-" + randomText(6), l.dueAt()));
        wipes.send(device.id(), true);
    }

    // ---- helpers ----

    private Device find(String idOrTag) {
        return devices.findById(idOrTag).or(() -> devices.findByTag(idOrTag)).orElseThrow(() -> unknown(idOrTag));
    }

    private Views.DeviceView announce(String deviceId) {
        Views.DeviceView view = tx.run(() -> views.of(deviceId));
        changes.emit(view);
        return view;
    }

    private static SuojaException unknown(String what) {
        return new SuojaException(ProblemType.UNKNOWN_DEVICE, "No device has the tag or id " + what + ".");
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return text.toString();
    }
}
