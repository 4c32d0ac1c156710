package fi.suoja.server.device;

import fi.suoja.server.audit.AuditAction;
import fi.suoja.server.audit.AuditLog;
import fi.suoja.server.audit.Target;
import fi.suoja.server.db.BatchInsert;
import fi.suoja.server.db.Tx;
import fi.suoja.server.problem.ProblemType;
import fi.suoja.server.problem.SuojaException;
import fi.suoja.server.work.DurableWork;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Staff's "wipe now" for many devices in one request (after an incident, or a morning's returns):
 * the same rules and the same rows as {@link Servicing#wipe} for each device, written as a few
 * statements in one transaction, and the commands published together after it commits. One
 * device that may not be wiped now, or that nobody knows, refuses the whole request, and nothing
 * changes.
 *
 * <p>A READY device's new job is written already holding its first try when the device is
 * online: the row is not visible to anyone before the commit, so the claim {@link WipeJobs} makes
 * with a conditional update has nobody to race. A device that already waits for its wipe has its
 * open job's next try claimed as {@link WipeJobs} does, row by row.
 */
@Singleton
class WipeMany {

    private static final Logger LOG = LoggerFactory.getLogger(WipeMany.class);

    /** The most devices one request may name. */
    static final int MAX_DEVICES = 2_000;
    private static final String REQUESTED = "Wipe requested by staff.";

    private static final BatchInsert<WipeJob> JOBS = new BatchInsert<>("wipe_job",
            List.of("id", "device_id", "open_for", "method", "state", "attempts", "next_attempt_at", "last_error", "created_at",
                    "finished_at"),
            (values, j) -> values.add(j.id()).add(j.deviceId()).add(j.openFor()).add(j.method().name()).add(j.state().name())
                    .add(j.attempts()).add(j.nextAttemptAt()).add(j.lastError()).add(j.createdAt()).add(j.finishedAt()));
    private static final BatchInsert<WipeCommand> COMMANDS = new BatchInsert<>("wipe_command",
            List.of("id", "job_id", "device_id", "sent_at", "acknowledged_at"),
            (values, c) -> values.add(c.id()).add(c.jobId()).add(c.deviceId()).add(c.sentAt()).add(c.acknowledgedAt()));

    private final DeviceRepository devices;
    private final WipeJobRepository jobs;
    private final WipeJobs wipes;
    private final Lifecycle lifecycle;
    private final CommandSender commands;
    private final FleetViews views;
    private final DeviceChanges changes;
    private final AuditLog audit;
    private final DurableWork<WipeJob> work;
    private final Tx tx;
    private final Clock clock;

    WipeMany(DeviceRepository devices, WipeJobRepository jobs, WipeJobs wipes, Lifecycle lifecycle, CommandSender commands,
             FleetViews views, DeviceChanges changes, AuditLog audit, Tx tx, Clock clock) {
        this.devices = devices;
        this.jobs = jobs;
        this.wipes = wipes;
        this.lifecycle = lifecycle;
        this.commands = commands;
        this.views = views;
        this.changes = changes;
        this.audit = audit;
        this.work = wipes.work();
        this.tx = tx;
        this.clock = clock;
    }

    /** A try written in the transaction, to send after it commits. */
    private record Try(Device device, WipeJob job, int attempt, Instant leaseUntil) {
    }

    /** A move of devices from one state to another for the same reason. */
    private record Move(DeviceState from, DeviceState to, String reason) {
    }

    /** Wipes every device named (by id or tag); answers with each device as it is after its command went out. */
    List<Views.DeviceView> wipe(List<String> idsOrTags) {
        if (idsOrTags.isEmpty() || idsOrTags.size() > MAX_DEVICES) {
            throw new SuojaException(ProblemType.INVALID_REQUEST, "Name between 1 and " + MAX_DEVICES + " devices.");
        }
        Instant now = clock.instant();
        long began = System.nanoTime();
        record Written(List<Device> named, List<Try> tries) {
        }
        Written written = tx.run(() -> {
            List<Device> named = find(idsOrTags);
            // Without this, PostgreSQL locked the rows in the order it found them, the last-seen flush
            // in the order of their ids, and each wipe now that met a flush waited a second for the
            // deadlock to be found (bench/fleet: 2.1 s once in three rounds).
            devices.lockInIdOrder(named.stream().map(Device::id).toList());
            refuseAnyNotAllowed(named);
            Map<String, WipeJob> open = jobs.findByOpenForIn(named.stream().map(Device::id).toList()).stream()
                    .collect(Collectors.toMap(WipeJob::openFor, Function.identity()));
            List<WipeJob> newJobs = new ArrayList<>();
            List<Try> tries = new ArrayList<>();
            Map<Move, List<String>> moves = new LinkedHashMap<>();
            for (Device d : named) {
                boolean sendable = d.kind().hasAgent() && d.online();
                if (d.state() == DeviceState.READY) {
                    WipeJob job = wipes.newJob(d, now);
                    DeviceState to = d.state().after(DeviceAction.WIPE_REQUESTED, d.kind()).orElseThrow();
                    String reason = REQUESTED;
                    if (sendable && job.method() == WipeMethod.AGENT) {
                        Instant leaseUntil = work.nextTry(1, now);
                        job = new WipeJob(job.id(), job.deviceId(), job.openFor(), job.method(), WipeJobState.SENT, 1, leaseUntil,
                                null, job.createdAt(), null);
                        tries.add(new Try(d, job, 1, leaseUntil));
                        to = to.after(DeviceAction.WIPE_SENT, d.kind()).orElseThrow();
                        reason = WipeJobs.sentReason(1);
                    }
                    newJobs.add(job);
                    moves.computeIfAbsent(new Move(d.state(), to, reason), m -> new ArrayList<>()).add(d.id());
                } else if (sendable && open.containsKey(d.id()) && open.get(d.id()).method() == WipeMethod.AGENT) {
                    WipeJob job = open.get(d.id());
                    int attempt = work.nextAttempt(job);
                    Instant leaseUntil = work.nextTry(attempt, now);
                    if (work.claim(job, now, leaseUntil).isPresent()) {
                        tries.add(new Try(d, job, attempt, leaseUntil));
                        lifecycle.tryMove(d, DeviceAction.WIPE_SENT, WipeJobs.sentReason(attempt), now);
                    }
                }
            }
            moves.forEach((move, ids) -> lifecycle.moveAll(ids, move.from(), move.to(), move.reason(), now));
            JOBS.insertBeforeCommit(tx, newJobs);
            COMMANDS.insertBeforeCommit(tx, tries.stream()
                    .map(t -> new WipeCommand(t.job().commandId(t.attempt()), t.job().id(), t.device().id(), now, null)).toList());
            audit.recordEach(AuditAction.WIPE_NOW, named.stream().map(d -> new AuditLog.Done(d.siteId(), Target.device(d.tag()))).toList(),
                    null, now);
            return new Written(named, tries);
        });
        long writtenAt = System.nanoTime();
        List<Boolean> sent = commands.wipeAll(written.tries().stream()
                .map(t -> new CommandSender.Wipe(t.device(), t.job().commandId(t.attempt()), t.job().id())).toList());
        long sentAt = System.nanoTime();
        for (int i = 0; i < sent.size(); i++) {
            if (!sent.get(i)) {
                Try t = written.tries().get(i);
                wipes.notSent(t.job(), t.attempt(), t.leaseUntil());
            }
        }
        List<Views.DeviceView> after = tx.read(() -> views.ofAll(asNow(written.named())));
        after.forEach(changes::emit);
        LOG.info("Wipe now for {} devices: written in {} ms, {} commands sent in {} ms, the desk told in {} ms",
                written.named().size(), (writtenAt - began) / 1_000_000, written.tries().size(), (sentAt - writtenAt) / 1_000_000,
                (System.nanoTime() - sentAt) / 1_000_000);
        return after;
    }

    /** The devices as they are now, in the same order. */
    private List<Device> asNow(List<Device> named) {
        Map<String, Device> now = devices.findByIdIn(named.stream().map(Device::id).toList()).stream()
                .collect(Collectors.toMap(Device::id, Function.identity()));
        return named.stream().map(d -> now.get(d.id())).filter(Objects::nonNull).toList();
    }

    /** The devices named, each once, in the order first named; refuses the request if any is unknown. */
    private List<Device> find(List<String> idsOrTags) {
        Set<String> wanted = new LinkedHashSet<>(idsOrTags);
        Map<String, Device> byName = new LinkedHashMap<>();
        devices.findByIdIn(wanted).forEach(d -> byName.put(d.id(), d));
        List<String> notIds = wanted.stream().filter(w -> !byName.containsKey(w)).toList();
        if (!notIds.isEmpty()) {
            devices.findByTagIn(notIds).forEach(d -> byName.put(d.tag(), d));
        }
        List<String> unknown = wanted.stream().filter(w -> !byName.containsKey(w)).toList();
        if (!unknown.isEmpty()) {
            throw new SuojaException(ProblemType.UNKNOWN_DEVICE, "No device has the tag or id " + listed(unknown)
                    + ". Nothing was wiped.");
        }
        Map<String, Device> once = new LinkedHashMap<>();
        wanted.forEach(w -> once.putIfAbsent(byName.get(w).id(), byName.get(w)));
        return List.copyOf(once.values());
    }

    private static void refuseAnyNotAllowed(List<Device> named) {
        List<Device> refused = named.stream().filter(d -> !StaffAction.WIPE.allows(d.state(), d.kind(), d.unheard())).toList();
        if (refused.size() == 1 && named.size() == 1) {
            throw Lifecycle.wrongState(refused.get(0));
        }
        if (!refused.isEmpty()) {
            throw new SuojaException(ProblemType.WRONG_DEVICE_STATE, "These devices cannot be wiped now: "
                    + listed(refused.stream().map(d -> d.tag() + " (" + d.state() + ")").toList()) + ". Nothing was wiped.");
        }
    }

    /** The first ten, and how many more. */
    private static String listed(List<String> names) {
        String first = String.join(", ", names.subList(0, Math.min(10, names.size())));
        return names.size() > 10 ? first + " and " + (names.size() - 10) + " more" : first;
    }
}
