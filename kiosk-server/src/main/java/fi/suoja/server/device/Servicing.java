package fi.suoja.server.device;

import fi.suoja.server.audit.AuditAction;
import fi.suoja.server.audit.AuditLog;
import fi.suoja.server.audit.Target;
import fi.suoja.server.db.Tx;
import fi.suoja.server.problem.ProblemType;
import fi.suoja.server.problem.SuojaException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;

/**
 * What staff do to a device besides lending it: wipe it now, mark it faulty, repair or retire it,
 * and hear its agent again. Each is one transaction through {@link Lifecycle}; a wipe is sent
 * after the commit.
 */
@Singleton
class Servicing {

    private final LoanRepository loans;
    private final WipeJobs wipes;
    private final AgentReports reports;
    private final Lifecycle lifecycle;
    private final FleetLookup lookup;
    private final Tx tx;
    private final AuditLog audit;
    private final Clock clock;

    Servicing(LoanRepository loans, WipeJobs wipes, AgentReports reports, Lifecycle lifecycle, FleetLookup lookup, Tx tx,
              AuditLog audit, Clock clock) {
        this.loans = loans;
        this.wipes = wipes;
        this.reports = reports;
        this.lifecycle = lifecycle;
        this.lookup = lookup;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    Views.DeviceView wipe(String idOrTag) {
        Instant now = clock.instant();
        Device device = tx.run(() -> {
            Device d = lookup.find(idOrTag);
            if (d.state() == DeviceState.READY) {
                lifecycle.move(d, DeviceAction.WIPE_REQUESTED, "Wipe requested by staff.", now);
                wipes.open(d, now);
            } else if (!StaffAction.WIPE.allows(d.state(), d.kind(), d.unheard())) {
                throw Lifecycle.wrongState(d);
            }
            audit.record(AuditAction.WIPE_NOW, d.siteId(), Target.device(d.tag()), null, null);
            return d;
        });
        return wipes.announceAndSend(device.id());
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
            Device d = lookup.find(idOrTag);
            lifecycle.move(d, action, reason, now);
            loans.findByDeviceIdAndEndedAtIsNull(d.id()).ifPresent(l -> loans.end(l.id(), now, LoanEnd.TAKEN_OUT_OF_USE.name(), null));
            wipes.abandon(d.id(), reason, now);
            audit.record(audited, d.siteId(), Target.device(d.tag()), null, why, now);
            return d;
        });
        return lookup.announce(device.id());
    }

    /** A failed or faulty device was looked at by staff: it gets a new wipe and is READY only after it. */
    Views.DeviceView repaired(String idOrTag, @Nullable String note) {
        Instant now = clock.instant();
        Device device = tx.run(() -> {
            Device d = lookup.find(idOrTag);
            lifecycle.move(d, DeviceAction.REPAIRED, "Repaired" + (note == null || note.isBlank() ? "" : " (" + note.strip() + ")")
                    + "; waiting for a new wipe.", now);
            wipes.open(d, now);
            audit.record(AuditAction.DEVICE_REPAIRED, d.siteId(), Target.device(d.tag()), null, note, now);
            return d;
        });
        return wipes.announceAndSend(device.id());
    }

    /**
     * Staff resolve a device the server cannot hear (a restored state folder, a cloned laptop, a
     * clock that was far off): the server forgets its session identity, and the agent's next signed
     * message is heard whatever its epoch and counter.
     */
    Views.DeviceView hearAgain(String idOrTag) {
        Device device = tx.run(() -> lookup.find(idOrTag));
        if (!device.kind().hasAgent()) {
            throw new SuojaException(ProblemType.WRONG_DEVICE_STATE, "This device has no agent to hear.", null,
                    device.state().name(), device.stateReason());
        }
        reports.forget(device);
        return lookup.announce(device.id());
    }
}
