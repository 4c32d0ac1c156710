package fi.suoja.server.device;

import fi.suoja.hardware.mqtt.WipeReport;
import fi.suoja.server.db.Tx;
import fi.suoja.server.work.DurableWork;
import fi.suoja.server.work.RetryPolicy;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Wipes as durable jobs ({@link DurableWork} over the table {@code wipe_job}). A job is opened when
 * a device must be wiped and is sent to the agent while the device is online; a try is one WIPE
 * command, leased for a growing wait (doubled each time, with jitter, up to a ceiling) in which its
 * result may come, so without a result it is sent again, and the job times out when the lease of
 * its last try runs out. An offline device's job waits, without using up tries, until the agent
 * says HELLO. Sends are claimed through the database, so one instance sends each try; the
 * scheduler looks for all due work, so it catches up after downtime.
 */
@Singleton
class WipeJobs {

    private static final Logger LOG = LoggerFactory.getLogger(WipeJobs.class);
    private static final String ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final Duration ACK_GRACE = Duration.ofSeconds(2);

    private final DeviceRepository devices;
    private final WipeJobRepository jobs;
    private final WipeRecordRepository records;
    private final WipeCommandRepository sent;
    private final Refusals refusals;
    private final Lifecycle lifecycle;
    private final CommandSender commands;
    private final FleetViews views;
    private final DeviceChanges changes;
    private final DurableWork<WipeJob> work;
    private final Tx tx;
    private final Clock clock;
    private final ApplicationEventPublisher<WipeReported> reported;
    private final SecureRandom random = new SecureRandom();

    WipeJobs(DeviceRepository devices, WipeJobRepository jobs, WipeRecordRepository records, WipeCommandRepository sent,
             Refusals refusals, Lifecycle lifecycle,
             CommandSender commands, FleetViews views, DeviceChanges changes, Tx tx, FleetConfig config, Clock clock,
             ApplicationEventPublisher<WipeReported> reported) {
        this.devices = devices;
        this.jobs = jobs;
        this.records = records;
        this.sent = sent;
        this.refusals = refusals;
        this.lifecycle = lifecycle;
        this.commands = commands;
        this.views = views;
        this.changes = changes;
        this.work = new DurableWork<>(jobs, RetryPolicy.of(config.wipeRetryFirst(), config.wipeRetryCeiling(),
                config.wipeMaxAttempts()), WipeJob.ERROR_MAX, tx);
        this.tx = tx;
        this.clock = clock;
        this.reported = reported;
    }

    /** Opens the device's wipe job; inside the caller's transaction. */
    WipeJob open(Device device, Instant now) {
        return jobs.save(newJob(device, now));
    }

    /** The device's new wipe job, queued and not written yet. */
    WipeJob newJob(Device device, Instant now) {
        WipeMethod method = device.kind().hasAgent() ? WipeMethod.AGENT : WipeMethod.STAFF_CHECK;
        return new WipeJob(newId(), device.id(), device.id(), method, WipeJobState.QUEUED, 0, now, null, now, null);
    }

    /** The wipes as durable work: their retry policy, claims and notes. */
    DurableWork<WipeJob> work() {
        return work;
    }

    /** Notes on the job that try {@code attempt} did not reach the broker; the next try comes after its lease. */
    void notSent(WipeJob job, int attempt, Instant leaseUntil) {
        work.noted(job, "The broker could not be reached to send try " + attempt + ".", leaseUntil);
    }

    /** The device's state reason once try {@code attempt} of its wipe is sent. */
    static String sentReason(int attempt) {
        return "Wipe sent to the device (try " + attempt + ").";
    }

    /** Closes an open job without a result (device taken out of use); inside the caller's transaction. */
    void abandon(String deviceId, String why, Instant now) {
        jobs.findByOpenFor(deviceId).ifPresent(job -> jobs.finish(job.id(), WipeJobState.FAILED.name(), now, why));
    }

    /**
     * Sends the device's open wipe if it is online and a try is due ({@code force}: due now, as on
     * HELLO or staff "wipe now"). Returns whether a command went out.
     */
    boolean send(String deviceId, boolean force) {
        return claimAndSend(deviceId, force).map(Sent::sent).orElse(false);
    }

    /** A try claimed and handed to the broker ({@code sent}), and the device as the desk was then told of it. */
    private record Sent(boolean sent, Views.DeviceView view) {
    }

    private Optional<Sent> claimAndSend(String deviceId, boolean force) {
        Instant now = clock.instant();
        record Claim(Device device, WipeJob job, int attempt, Instant leaseUntil) {
        }
        Optional<Claim> claim = tx.run(() -> {
            Optional<Device> device = devices.findById(deviceId);
            Optional<WipeJob> job = jobs.findByOpenFor(deviceId);
            if (device.isEmpty() || job.isEmpty() || job.get().method() != WipeMethod.AGENT || !device.get().online()
                    || !device.get().state().waitsForWipe()) {
                return Optional.empty();
            }
            WipeJob open = job.get();
            if (!force && open.nextAttemptAt() != null && open.nextAttemptAt().isAfter(now)) {
                return Optional.empty();
            }
            int attempt = work.nextAttempt(open);
            // The try's lease is the wait for its result: without one, the next try comes after it.
            Instant leaseUntil = work.nextTry(attempt, now);
            OptionalInt claimed = work.claim(open, now, leaseUntil);
            if (claimed.isEmpty()) {
                return Optional.empty();
            }
            sent.save(new WipeCommand(open.commandId(attempt), open.id(), deviceId, now, null));
            lifecycle.tryMove(device.get(), DeviceAction.WIPE_SENT, sentReason(attempt), now);
            return Optional.of(new Claim(device.get(), open, attempt, leaseUntil));
        });
        if (claim.isEmpty()) {
            return Optional.empty();
        }
        Claim c = claim.get();
        boolean sent = commands.wipe(c.device(), c.job().commandId(c.attempt()), c.job().id());
        if (!sent) {
            notSent(c.job(), c.attempt(), c.leaseUntil());
        }
        return Optional.of(new Sent(sent, changed(deviceId)));
    }

    /**
     * After the commit that opened the device's wipe: the desk is told first that the device waits
     * for its wipe, then the wipe is sent, which tells it again (being wiped). Each state between a
     * return and READY is thus its own device event. Returns the device as it is now.
     */
    Views.DeviceView announceAndSend(String deviceId) {
        Views.DeviceView waiting = changed(deviceId);
        return claimAndSend(deviceId, true).map(Sent::view).orElse(waiting);
    }

    /** Sends every due try and times out jobs that used all their tries; for the scheduler. */
    int runDue() {
        Instant now = clock.instant();
        return work.runDue(now, Comparator.comparing(WipeJob::createdAt), job -> {
            Optional<Device> device = tx.run(() -> devices.findById(job.deviceId()));
            if (device.isEmpty() || !device.get().online()) {
                return false; // Offline devices wait for their HELLO; their tries are not used up.
            }
            return work.usedUp(job) ? timeOut(job, now) : send(job.deviceId(), false);
        });
    }

    private boolean timeOut(WipeJob job, Instant now) {
        String why = "No verified wipe after " + job.attempts() + " tries"
                + (job.lastError() == null ? "." : "; last problem: " + job.lastError());
        boolean timedOut = tx.run(() -> {
            if (!work.fail(job, why, now)) {
                return false;
            }
            Device device = devices.findById(job.deviceId()).orElseThrow();
            lifecycle.tryMove(device, DeviceAction.WIPE_UNVERIFIED, "The wipe timed out. " + why, now);
            return true;
        });
        if (timedOut) {
            LOG.warn("Device {}: wipe {} timed out: {}", job.deviceId(), job.id(), why);
            changed(job.deviceId());
        }
        return timedOut;
    }

    /**
     * The agent received a WIPE command. Received is not done: nothing moves but the record that
     * this command was acknowledged, which a result must answer.
     */
    void acknowledged(Device device, String commandId) {
        if (commandId == null) {
            return;
        }
        Instant now = clock.instant();
        int moved = tx.run(() -> {
            sent.acknowledge(commandId, device.id(), now);
            return jobs.findByOpenFor(device.id())
                    .filter(job -> job.ownsCommand(commandId))
                    .map(job -> jobs.acknowledged(job.id()))
                    .orElse(0);
        });
        if (moved == 1) {
            changed(device.id()); // the desk shows that the device has begun its wipe
        }
    }

    void rejected(Device device, String commandId, String detail) {
        tx.run(() -> jobs.findByOpenFor(device.id())
                .filter(job -> job.ownsCommand(commandId))
                .map(job -> {
                    // Noted for staff; the next try still comes when this one's lease runs out.
                    work.noted(job, "The agent refused the command: " + detail, job.nextAttemptAt());
                    return 1;
                })
                .orElse(0));
        changed(device.id());
    }

    /**
     * A signed wipe result. Only a report for the device's current open job counts, and only as the
     * answer to a WIPE command of that job that the server sent to this device and the agent
     * acknowledged before: a signed report of a wipe the agent did by itself, a result for an
     * older job, and a repeated result of a finished job change nothing; an answer to a command the
     * server never sent, or never saw acknowledged, is refused (logged, counted, shown to staff).
     * A verified report makes the device READY; an unverified one makes it WIPE_FAILED with the reason.
     */
    boolean result(String deviceId, String commandId, WipeReport report) {
        Optional<WipeJob> open = tx.run(() -> jobs.findByOpenFor(deviceId));
        if (open.isEmpty() || !open.get().id().equals(report.jobId()) || open.get().method() != WipeMethod.AGENT) {
            LOG.info("Device {}: ignoring a wipe result for job {}; the open job is {}", deviceId, report.jobId(),
                    open.map(WipeJob::id).orElse("none"));
            return false;
        }
        if (commandId == null) {
            LOG.info("Device {}: a wipe the agent did by itself ({}); job {} waits for the answer to its own command",
                    deviceId, report.jobId(), open.get().id());
            return false;
        }
        Optional<WipeCommand> command = tx.run(() -> sent.findById(commandId))
                .filter(c -> c.deviceId().equals(deviceId) && c.jobId().equals(open.get().id()));
        if (command.isEmpty()) {
            refusals.refuse(deviceId, RefusalKind.NOT_SENT, "A wipe result for command " + clip(commandId, 80)
                    + ", which the server never sent to this device for its open job " + open.get().id() + ".");
            return false;
        }
        if (!acknowledgedSoon(command.get())) {
            refusals.refuse(deviceId, RefusalKind.NOT_ACKNOWLEDGED, "A wipe result for command " + commandId
                    + ", which the agent had not acknowledged.");
            return false;
        }
        Instant now = clock.instant();
        boolean applied = tx.run(() -> {
            Optional<WipeJob> job = jobs.findByOpenFor(deviceId).filter(j -> j.id().equals(report.jobId()));
            if (job.isEmpty()) {
                return false;
            }
            Device device = devices.findById(deviceId).orElseThrow();
            DeviceAction action = report.verified() ? DeviceAction.WIPE_VERIFIED : DeviceAction.WIPE_UNVERIFIED;
            if (device.state().after(action, device.kind()).isEmpty()) {
                LOG.warn("Device {} in state {}: ignoring a wipe result", deviceId, device.state());
                return false;
            }
            String failures = clip(String.join("\n", report.failures()), WipeRecord.FAILURES_MAX);
            String error = report.verified() ? null : clip("Not verified" + (failures.isEmpty() ? "" : ": " + failures.replace('\n', ' ')), 400);
            if (jobs.finish(job.get().id(), (report.verified() ? WipeJobState.SUCCEEDED : WipeJobState.FAILED).name(), now, error) != 1) {
                return false;
            }
            records.save(new WipeRecord(report.jobId(), deviceId, report.verified(), report.filesRemoved(),
                    report.directoriesRemoved(), report.bytesRemoved(), failures.isEmpty() ? null : failures,
                    report.durationMillis(), report.finishedAt(), now, null));
            lifecycle.move(device, action, report.verified()
                    ? "Wiped and verified at " + report.finishedAt() + "."
                    : "The wipe could not be verified. " + (failures.isEmpty() ? "" : "Not removed: " + failures.replace('\n', ' ')), now);
            return true;
        });
        if (applied) {
            LOG.info("Device {}: wipe {} {}", deviceId, report.jobId(), report.verified() ? "verified" : "NOT verified");
            changed(deviceId);
            try {
                reported.publishEvent(new WipeReported(deviceId, report.verified(), report.durationMillis()));
            } catch (RuntimeException e) {
                // The result stands; a listener (metrics) must never undo or block it.
                LOG.error("A listener failed on the wipe result of device {}", deviceId, e);
            }
        }
        return applied;
    }

    /**
     * Whether the command was acknowledged, waiting a moment if not yet: with several server
     * instances the ACK and the RESULT right after it can reach two instances at once (the shared
     * subscription), and the ACK's instance may not have committed yet.
     */
    private boolean acknowledgedSoon(WipeCommand command) {
        long deadline = System.nanoTime() + ACK_GRACE.toNanos();
        WipeCommand seen = command;
        while (!seen.acknowledged() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            seen = tx.run(() -> sent.findById(command.id())).orElse(seen);
        }
        return seen.acknowledged();
    }

    /** Finishes a staff check of a device without an agent; inside the caller's transaction. */
    void checkedByStaff(Device device, String staff, Instant now) {
        WipeJob job = jobs.findByOpenFor(device.id()).orElseGet(() -> open(device, now));
        jobs.finish(job.id(), WipeJobState.SUCCEEDED.name(), now, null);
        records.save(new WipeRecord(job.id(), device.id(), true, 0, 0, 0, null, 0, now, now, staff));
    }

    private Views.DeviceView changed(String deviceId) {
        Views.DeviceView view = tx.run(() -> views.of(deviceId));
        changes.emit(view);
        return view;
    }

    private String newId() {
        StringBuilder id = new StringBuilder("wj-");
        for (int i = 0; i < 20; i++) {
            id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
        }
        return id.toString().toLowerCase(Locale.ROOT);
    }

    private static String clip(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }
}
