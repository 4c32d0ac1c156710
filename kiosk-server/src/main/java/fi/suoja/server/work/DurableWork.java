package fi.suoja.server.work;

import fi.suoja.server.db.Tx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * Durable work claimed row by row: the rows live in their feature's table, each try is claimed
 * through the database for a lease (so with several instances one runs it, and a try whose
 * instance died is taken over when the lease runs out), a failed try waits out a growing back-off,
 * and after the last try the row fails with a reason. Every look for work finds all that is due,
 * so an instance catches up after downtime. What a try does, and what a finished row means, stays
 * with the feature.
 *
 * @param <T> a row of the work's table
 */
public final class DurableWork<T extends WorkRow> {

    private static final Logger LOG = LoggerFactory.getLogger(DurableWork.class);

    private final WorkTable<T> table;
    private final RetryPolicy retry;
    private final int errorMax;
    private final Tx tx;

    /** {@code errorMax}: the longest error or reason the table keeps. */
    public DurableWork(WorkTable<T> table, RetryPolicy retry, int errorMax, Tx tx) {
        this.table = table;
        this.retry = retry;
        this.errorMax = errorMax;
        this.tx = tx;
    }

    /**
     * Hands each due row to {@code work}, in {@code order}, one at a time. A row whose work throws
     * is logged and left to its lease, so one broken row does not hold up the others. Answers for
     * how many rows {@code work} did something (answered true).
     */
    public int runDue(Instant now, Comparator<? super T> order, Predicate<T> work) {
        List<T> due = new ArrayList<>(tx.run(() -> table.due(now)));
        due.sort(order);
        int ran = 0;
        for (T row : due) {
            try {
                if (work.test(row)) {
                    ran++;
                }
            } catch (RuntimeException e) {
                LOG.error("{} failed; it is tried again when its lease runs out", row.describe(), e);
            }
        }
        return ran;
    }

    /**
     * Claims the row's next try, leased until {@code leaseUntil}: the try's number, or empty when
     * another instance claimed it first or the row changed since it was read. Joins the caller's
     * transaction, so what the caller records of the try commits with the claim.
     */
    public OptionalInt claim(T row, Instant now, Instant leaseUntil) {
        int attempt = nextAttempt(row);
        return tx.run(() -> table.claim(row, now, leaseUntil)) == 1 ? OptionalInt.of(attempt) : OptionalInt.empty();
    }

    /** The number the row's next try will have. */
    public int nextAttempt(T row) {
        return row.attempts() + 1;
    }

    /** When the try after try {@code attempt} may be claimed, counted from {@code from}. */
    public Instant nextTry(int attempt, Instant from) {
        return retry.nextTry(attempt, from);
    }

    /** Whether the row has had all its tries. */
    public boolean usedUp(T row) {
        return retry.usedUp(row.attempts());
    }

    /**
     * Try {@code attempt} failed at {@code at}: before try {@code lastAttempt} (the policy's last,
     * or an earlier one for work someone waits for), the row is tried again after the back-off;
     * after it, it fails for good with the error as its reason. Answers whether this call failed it.
     */
    public boolean failed(T row, int attempt, int lastAttempt, String error, Instant at) {
        String clipped = clip(error);
        if (attempt >= Math.min(lastAttempt, retry.maxAttempts())) {
            return fail(row, clipped, at);
        }
        tx.run(() -> table.failedOnce(row, clipped, retry.nextTry(attempt, at)));
        return false;
    }

    /** Notes why a try failed without moving its next try (which the claim's lease already set). */
    public void noted(T row, String error, Instant nextTry) {
        tx.run(() -> table.failedOnce(row, clip(error), nextTry));
    }

    /** Fails the row for good, in the caller's transaction if there is one. Answers whether this instance did. */
    public boolean fail(T row, String reason, Instant at) {
        return tx.run(() -> table.fail(row, clip(reason), at)) == 1;
    }

    public String clip(String text) {
        return text.length() > errorMax ? text.substring(0, errorMax) : text;
    }
}
