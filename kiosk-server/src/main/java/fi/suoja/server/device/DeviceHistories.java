package fi.suoja.server.device;

import fi.suoja.server.audit.AuditAction;
import fi.suoja.server.audit.AuditEntryView;
import fi.suoja.server.audit.AuditLog;
import fi.suoja.server.audit.Target;
import fi.suoja.server.booking.BookingService;
import fi.suoja.server.db.Tx;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A device's history for staff: its loans (table {@code loan}), its wipes ({@code wipe_job} with
 * their reports) and what staff did to it, read from the audit log where it is already recorded.
 * Bounded: the newest {@code limit} entries of all three together.
 */
@Singleton
class DeviceHistories {

    static final int LIMIT_DEFAULT = 50;
    static final int LIMIT_MAX = 200;

    private static final Set<AuditAction> STAFF_DID = EnumSet.of(AuditAction.DEVICE_FAULTY, AuditAction.DEVICE_REPAIRED,
            AuditAction.DEVICE_RETIRED);

    /**
     * Newest first. Entries that began at the same instant are in the order they follow each other:
     * a repair opens a wipe, so the wipe is the newer.
     */
    private static final Comparator<Views.HistoryEntryView> NEWEST_FIRST = Comparator
            .comparing(Views.HistoryEntryView::at).reversed()
            .thenComparing(e -> switch (e.kind()) {
                case WIPE -> 0;
                case LOAN -> 1;
                case FAULTY, REPAIRED, RETIRED -> 2;
            });

    private final FleetLookup lookup;
    private final LoanRepository loans;
    private final WipeJobRepository jobs;
    private final WipeRecordRepository records;
    private final BookingService bookings;
    private final AuditLog audit;
    private final Tx tx;

    DeviceHistories(FleetLookup lookup, LoanRepository loans, WipeJobRepository jobs, WipeRecordRepository records,
                    BookingService bookings, AuditLog audit, Tx tx) {
        this.lookup = lookup;
        this.loans = loans;
        this.jobs = jobs;
        this.records = records;
        this.bookings = bookings;
        this.audit = audit;
        this.tx = tx;
    }

    Views.HistoryView of(String idOrTag, int limit) {
        int most = Math.max(1, Math.min(limit, LIMIT_MAX));
        return tx.read(() -> {
            Device device = lookup.find(idOrTag);
            List<Views.HistoryEntryView> entries = new ArrayList<>();
            // one more of each than shown tells whether older entries were left out
            loans.newestOf(device.id(), most + 1).forEach(l -> entries.add(loan(l)));
            jobs.newestOf(device.id(), most + 1).forEach(j -> entries.add(wipe(j, records.findById(j.id()))));
            audit.about(Target.device(device.tag()), STAFF_DID, most + 1).forEach(e -> entries.add(staff(e)));
            entries.sort(NEWEST_FIRST);
            return new Views.HistoryView(device.id(), device.tag(), List.copyOf(entries.subList(0, Math.min(most, entries.size()))),
                    entries.size() > most);
        });
    }

    private Views.HistoryEntryView loan(Loan l) {
        String code = l.bookingId() == null ? null : bookings.code(l.bookingId()).orElse(null);
        return new Views.HistoryEntryView(HistoryKind.LOAN, l.startedAt(), new Views.HistoryLoanView(l.id(), l.bookingId(), code,
                l.bookingId() == null, l.startedAt(), l.dueAt(), l.lentBy(), l.endedAt(), l.endedWhy(), l.returnedBy()), null, null);
    }

    private static Views.HistoryEntryView wipe(WipeJob job, Optional<WipeRecord> report) {
        Long took = job.finishedAt() == null ? null : Duration.between(job.createdAt(), job.finishedAt()).toMillis();
        WipeRecord r = report.orElse(null);
        return new Views.HistoryEntryView(HistoryKind.WIPE, job.createdAt(), null, new Views.HistoryWipeView(job.id(), job.method(),
                job.state(), job.attempts(), job.createdAt(), job.finishedAt(), took,
                r == null ? null : r.verified(), r == null ? null : r.durationMillis(), r == null ? null : r.filesRemoved(),
                r == null ? List.of() : FleetViews.failureKinds(r), r == null ? null : r.checkedBy()), null);
    }

    private static Views.HistoryEntryView staff(AuditEntryView e) {
        HistoryKind kind = switch (e.action()) {
            case DEVICE_FAULTY -> HistoryKind.FAULTY;
            case DEVICE_REPAIRED -> HistoryKind.REPAIRED;
            case DEVICE_RETIRED -> HistoryKind.RETIRED;
            default -> throw new IllegalArgumentException("Not a device's history: " + e.action());
        };
        return new Views.HistoryEntryView(kind, e.at(), null, null, new Views.HistoryStaffView(e.actor(), e.detail()));
    }
}
