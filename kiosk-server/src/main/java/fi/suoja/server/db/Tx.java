package fi.suoja.server.db;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.exceptions.TransactionException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.util.function.Supplier;

/** Runs work in one transaction, trying again on deadlocks and lock time-outs (another instance got there first). */
@Singleton
public class Tx {

    private static final Logger LOG = LoggerFactory.getLogger(Tx.class);
    private static final int ATTEMPTS = 3;

    private final TransactionOperations<Connection> tx;

    public Tx(TransactionOperations<Connection> tx) {
        this.tx = tx;
    }

    public <T> T run(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.executeWrite(status -> work.get());
            } catch (DataAccessException | TransactionException e) {
                if (SqlErrors.isTransient(e) && attempt < ATTEMPTS) {
                    LOG.debug("Transient database conflict, trying again ({})", attempt);
                    continue;
                }
                throw e;
            }
        }
    }
}
