package fi.suoja.server.db;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionCallback;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.exceptions.TransactionException;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The server's one way to run work in a transaction (see the package doc for why). Work that
 * starts a transaction is tried again on deadlocks and lock time-outs (another instance got there
 * first); work called inside a transaction joins it.
 */
@Singleton
public class Tx {

    private static final Logger LOG = LoggerFactory.getLogger(Tx.class);
    private static final int ATTEMPTS = 3;
    /** One more for work alone: a lost race to insert, then a deadlock, and still an answer. */
    private static final int ATTEMPTS_ALONE = 4;
    private static final TransactionDefinition ALONE = TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW);
    private static final TransactionDefinition IN_CALLERS = TransactionDefinition.of(TransactionDefinition.Propagation.MANDATORY);

    private final TransactionOperations<Connection> tx;
    /** Rows put off until their transaction commits, by the transaction's connection. */
    private final Map<Connection, List<BatchInsert.Rows<?>>> beforeCommit = new ConcurrentHashMap<>();

    public Tx(TransactionOperations<Connection> tx) {
        this.tx = tx;
    }

    /** Runs work that writes, in the caller's transaction or a new one. */
    public <T> T run(Supplier<T> work) {
        return tried(TransactionDefinition.DEFAULT, ATTEMPTS, SqlErrors::isTransient, status -> work.get());
    }

    public void run(Runnable work) {
        run(() -> {
            work.run();
            return null;
        });
    }

    /** Runs work that only reads, in the caller's transaction or a new read-only one. */
    public <T> T read(Supplier<T> work) {
        return tried(TransactionDefinition.READ_ONLY, ATTEMPTS, SqlErrors::isTransient, status -> work.get());
    }

    /** Reads with plain JDBC on the transaction's connection (grouped counts, reports). */
    public <T> T read(Function<Connection, T> jdbc) {
        return tried(TransactionDefinition.READ_ONLY, ATTEMPTS, SqlErrors::isTransient, status -> jdbc.apply(status.getConnection()));
    }

    /**
     * Runs work in a transaction of its own that commits whatever becomes of the caller's (a count
     * of wrong guesses must stay when the guess's own work rolls back). A lost race to insert a
     * row is tried again too: the new transaction sees the other instance's row.
     */
    public <T> T alone(Supplier<T> work) {
        return tried(ALONE, ATTEMPTS_ALONE, e -> SqlErrors.isUniqueViolation(e) || SqlErrors.isTransient(e), status -> work.get());
    }

    /** Plain JDBC on the connection of the caller's transaction (batched inserts); fails when there is no transaction. */
    public <T> T jdbcInCallers(Function<Connection, T> jdbc) {
        return tx.execute(IN_CALLERS, status -> jdbc.apply(status.getConnection()));
    }

    /**
     * Puts rows off until the caller's transaction commits (see {@link BatchInsert#insertBeforeCommit});
     * fails when there is no transaction. Rolled back, they are never written.
     */
    void beforeCommit(BatchInsert.Rows<?> rows) {
        tx.execute(IN_CALLERS, status -> {
            Connection connection = status.getConnection();
            List<BatchInsert.Rows<?>> pending = beforeCommit.get(connection);
            if (pending == null) {
                List<BatchInsert.Rows<?>> rowsOfThis = new ArrayList<>();
                beforeCommit.put(connection, rowsOfThis);
                status.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void beforeCommit(boolean readOnly) {
                        BatchInsert.insertAllAndCommit(connection, rowsOfThis);
                    }

                    @Override
                    public void afterCompletion(Status completed) {
                        Tx.this.beforeCommit.remove(connection);
                    }
                });
                pending = rowsOfThis;
            }
            pending.add(rows);
            return null;
        });
    }

    /** How many transactions hold rows put off now: none once every one has ended, committed or not. */
    int transactionsWithRowsPutOff() {
        return beforeCommit.size();
    }

    /** Runs work that belongs to the caller's change and must roll back with it; fails when there is no transaction. */
    public <T> T inCallers(Supplier<T> work) {
        return tx.execute(IN_CALLERS, status -> work.get());
    }

    public void inCallers(Runnable work) {
        inCallers(() -> {
            work.run();
            return null;
        });
    }

    private <T> T tried(TransactionDefinition definition, int attempts, Predicate<Throwable> again, TransactionCallback<Connection, T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.execute(definition, work);
            } catch (DataAccessException | TransactionException e) {
                if (again.test(e) && attempt < attempts) {
                    LOG.debug("Transient database conflict, trying again ({})", attempt);
                    continue;
                }
                throw e;
            }
        }
    }
}
