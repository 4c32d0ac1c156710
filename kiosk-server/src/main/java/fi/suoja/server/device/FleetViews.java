package fi.suoja.server.device;

import fi.suoja.hardware.mqtt.WipeFailure;
import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.List;

/** Builds the API's views of devices. Call inside a transaction. */
@Singleton
class FleetViews {

    private final DeviceRepository devices;
    private final LoanRepository loans;
    private final WipeJobRepository jobs;
    private final WipeRecordRepository records;

    FleetViews(DeviceRepository devices, LoanRepository loans, WipeJobRepository jobs, WipeRecordRepository records) {
        this.devices = devices;
        this.loans = loans;
        this.jobs = jobs;
        this.records = records;
    }

    Views.DeviceView of(String deviceId) {
        return of(devices.findById(deviceId).orElseThrow());
    }

    Views.DeviceView of(Device d) {
        Views.LoanView loan = loans.findByDeviceIdAndEndedAtIsNull(d.id())
                .map(l -> new Views.LoanView(l.id(), l.bookingId(), l.bookingId() == null, l.startedAt(), l.dueAt()))
                .orElse(null);
        Views.WipeView wipe = jobs.findByOpenFor(d.id())
                .map(j -> new Views.WipeView(j.id(), j.method(), j.state(), j.attempts(), j.nextAttemptAt(), j.lastError()))
                .orElse(null);
        Views.LastWipeView lastWipe = records.findFirstByDeviceIdOrderByFinishedAtDesc(d.id())
                .map(r -> new Views.LastWipeView(r.finishedAt(), r.verified(), r.durationMillis(), r.checkedBy(),
                        failureKinds(r)))
                .orElse(null);
        return new Views.DeviceView(d.id(), d.tag(), d.kind(), d.siteId(), d.state(), d.stateReason(), d.stateChangedAt(),
                d.kind().hasAgent(), d.online(), d.sessionCounter(), d.lastSeenAt(), d.batteryPercent(), d.freeDiskBytes(),
                d.agentVersion(), d.os(), d.agentState(), loan, wipe, lastWipe,
                d.kind().hasAgent() ? new Views.HearingView(d.agentEpoch(), d.sessionCounter(), d.unheard(),
                        d.refusedMessages(), d.lastRefusal(), d.lastRefusedAt()) : null,
                StaffAction.allowed(d.state(), d.kind(), d.unheard()));
    }

    /** The kinds of refusal in a wipe's report, each once, in the order they first occur. */
    static List<WipeFailure> failureKinds(WipeRecord r) {
        return r.failures() == null || r.failures().isEmpty() ? List.of()
                : Arrays.stream(r.failures().split("\n")).map(WipeFailure::of).distinct().toList();
    }

    static Views.WipeReportView report(WipeRecord r) {
        List<String> failures = r.failures() == null || r.failures().isEmpty() ? List.of() : Arrays.asList(r.failures().split("\n"));
        return new Views.WipeReportView(r.jobId(), r.verified(), r.filesRemoved(), r.directoriesRemoved(), r.bytesRemoved(),
                failures, r.durationMillis(), r.finishedAt(), r.receivedAt(), r.checkedBy());
    }
}
