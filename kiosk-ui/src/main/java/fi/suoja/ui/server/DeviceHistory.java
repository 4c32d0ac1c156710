package fi.suoja.ui.server;

import java.time.Instant;
import java.util.List;

/**
 * A device's history as the server keeps it, newest first: its loans, wipes, and what staff did to
 * it. {@code more}: older entries were left out. The server sends data (codes, states, instants,
 * staff members' own words); the desk words it.
 */
@ApiSchema("Views.HistoryView")
public record DeviceHistory(String deviceId, String tag, List<Entry> entries, boolean more) {

    public DeviceHistory {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    /** One entry, begun {@code at}: by {@code kind}, exactly one of {@code loan}, {@code wipe} or {@code staff} is set. */
    @ApiSchema("Views.HistoryEntryView")
    public record Entry(HistoryKind kind, Instant at, Loan loan, Wipe wipe, Staff staff) {
    }

    /**
     * A loan: {@code bookingCode} is null for a walk-in or once the booking's retention erased it;
     * {@code endedAt} null while it runs; {@code returnedBy} null when it ended by itself.
     */
    @ApiSchema("Views.HistoryLoanView")
    public record Loan(Long bookingId, String bookingCode, boolean walkIn, Instant startedAt, Instant dueAt, String lentBy,
                       Instant endedAt, LoanEnd endedWhy, String returnedBy) {
    }

    /**
     * A wipe job: {@code tookMillis} from its start to its end by the server's clock (null while it
     * runs); {@code verified}, {@code durationMillis} (the laptop's own measure) and
     * {@code filesRemoved} from the report, null without one; {@code checkedBy} for a staff check.
     */
    @ApiSchema("Views.HistoryWipeView")
    public record Wipe(WipeMethod method, WipeJobState state, int attempts, Instant startedAt, Instant finishedAt, Long tookMillis,
                       Boolean verified, Long durationMillis, Long filesRemoved, List<WipeFailure> failures, String checkedBy) {

        public Wipe {
            failures = failures == null ? List.of() : List.copyOf(failures);
        }

        /** Still running: queued, sent, or being wiped. */
        public boolean open() {
            return finishedAt == null;
        }
    }

    /** What a staff member did: who, and their own words (why it is faulty or retired, a repair's note). */
    @ApiSchema("Views.HistoryStaffView")
    public record Staff(String by, String text) {
    }
}
