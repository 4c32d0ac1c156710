package fi.suoja.agent;

import fi.suoja.agent.session.SessionControl;
import fi.suoja.agent.session.SessionException;
import fi.suoja.agent.state.DoneCommand;
import fi.suoja.agent.state.PendingWipe;
import fi.suoja.agent.state.StateStore;
import fi.suoja.agent.wipe.WipeArea;
import fi.suoja.agent.wipe.WipeEngine;
import fi.suoja.agent.wipe.WipeProgress;
import fi.suoja.hardware.mqtt.CommandType;
import fi.suoja.hardware.mqtt.DeviceId;
import fi.suoja.hardware.mqtt.WipeReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;

/**
 * A wipe as a durable job: written down before it starts, the guest session ended, the areas
 * emptied and verified, and only then the dirty flag cleared. A crash anywhere leaves the job on
 * disk and the flag set, so the next start finishes it.
 */
final class Wiping {

    private static final Logger log = LoggerFactory.getLogger(Wiping.class);

    private final DeviceId device;
    private final StateStore store;
    private final SessionControl session;
    private final WipeEngine engine;
    private final List<WipeArea> areas;

    Wiping(DeviceId device, StateStore store, SessionControl session, WipeEngine engine, List<WipeArea> areas) {
        this.device = device;
        this.store = store;
        this.session = session;
        this.engine = engine;
        this.areas = areas;
    }

    WipeReport run(PendingWipe job, WipeProgress progress) throws IOException {
        store.beginWipe(job);
        log.info("{} wipe {} begins", device, job.jobId());
        progress.step("ending the guest session");
        try {
            session.end();
        } catch (SessionException e) {
            // Wipe anyway: verification shows whether anything was still being written.
            log.warn("{} could not end the guest session before wipe {}: {}", device, job.jobId(), e.getMessage());
        }
        WipeReport report = engine.wipe(job.jobId(), areas, progress);
        if (report.verified()) {
            store.clearDirty();
            store.clearLocked();
        } else {
            // The device must not be handed out: the flag stays, the state stays DIRTY.
            store.markDirty(report.finishedAt(), "wipe " + job.jobId() + " not verified");
        }
        if (job.commandId() != null) {
            store.remember(new DoneCommand(job.commandId(), CommandType.WIPE, job.jobId(), report));
        }
        store.endWipe();
        log.info("{} wipe {} {}: {} files, {} directories, {} bytes removed, {} failures, {} ms", device,
                job.jobId(), report.verified() ? "verified" : "NOT verified", report.filesRemoved(),
                report.directoriesRemoved(), report.bytesRemoved(), report.failures().size(),
                report.durationMillis());
        return report;
    }
}
