package fi.suoja.ui.server;

import java.time.Instant;
import java.util.List;

/**
 * One finished wipe of a device as kept for proof: the agent's report, or the staff member who
 * checked a device without an agent ({@code checkedBy}, else null).
 */
@ApiSchema("Views.WipeReportView")
public record WipeReport(Instant finishedAt, boolean verified, long filesRemoved, long bytesRemoved, long durationMillis,
                         List<String> failures, String checkedBy) {
}
