package fi.suoja.server.device;

import fi.suoja.hardware.mqtt.WipeFailure;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builds the API's views of devices. Call inside a transaction. */
@Singleton
class FleetViews {

    /** Devices named in one query of {@link #ofAll}: PostgreSQL takes at most 65,535 parameters a statement. */
    static final int IDS_A_QUERY = 1_000;

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
        return view(d, loans.findByDeviceIdAndEndedAtIsNull(d.id()).orElse(null), jobs.findByOpenFor(d.id()).orElse(null),
                records.findLast(d.id()).orElse(null));
    }

    /**
     * The views of many devices, in their order: three queries for each {@link #IDS_A_QUERY} devices,
     * where {@link #of(Device)} makes three a device (a "wipe now" of 1,000 laptops made 4,000 to
     * answer, and took 0.5–1 s of the server's and the database's CPU while the agents answered).
     */
    List<Views.DeviceView> ofAll(List<Device> devices) {
        List<Views.DeviceView> views = new ArrayList<>(devices.size());
        for (int from = 0; from < devices.size(); from += IDS_A_QUERY) {
            List<Device> some = devices.subList(from, Math.min(devices.size(), from + IDS_A_QUERY));
            List<String> ids = some.stream().map(Device::id).toList();
            Map<String, Loan> loanOf = loans.findByDeviceIdInAndEndedAtIsNull(ids).stream()
                    .collect(Collectors.toMap(Loan::deviceId, Function.identity(), (a, b) -> a));
            Map<String, WipeJob> jobOf = jobs.findByOpenForIn(ids).stream()
                    .collect(Collectors.toMap(WipeJob::openFor, Function.identity()));
            Map<String, WipeRecord> lastOf = records.findLastOfEach(ids).stream()
                    .collect(Collectors.toMap(WipeRecord::deviceId, Function.identity()));
            some.forEach(d -> views.add(view(d, loanOf.get(d.id()), jobOf.get(d.id()), lastOf.get(d.id()))));
        }
        return views;
    }

    private static Views.DeviceView view(Device d, @Nullable Loan l, @Nullable WipeJob j, @Nullable WipeRecord r) {
        Views.LoanView loan = l == null ? null : new Views.LoanView(l.id(), l.bookingId(), l.bookingId() == null, l.startedAt(), l.dueAt());
        Views.WipeView wipe = j == null ? null : new Views.WipeView(j.id(), j.method(), j.state(), j.attempts(), j.nextAttemptAt(),
                j.lastError());
        Views.LastWipeView lastWipe = r == null ? null : new Views.LastWipeView(r.finishedAt(), r.verified(), r.durationMillis(),
                r.checkedBy(), failureKinds(r));
        return new Views.DeviceView(d.id(), d.tag(), d.kind(), d.siteId(), d.state(), d.stateReason(), d.stateChangedAt(),
                d.kind().hasAgent(), d.online(), d.sessionCounter(), d.lastSeenAt(), d.batteryPercent(), d.freeDiskBytes(),
                d.agentVersion(), d.os(), d.agentState(), loan, wipe, lastWipe,
                d.kind().hasAgent() ? new Views.HearingView(d.agentEpoch(), d.sessionCounter(), d.unheard(),
                        d.refusedMessages(), d.lastRefusalKind(), d.lastRefusal(), d.lastRefusedAt()) : null,
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
