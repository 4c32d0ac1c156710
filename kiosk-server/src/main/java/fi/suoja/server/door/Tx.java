package fi.suoja.server.door;

import fi.suoja.server.db.SqlErrors;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.exceptions.TransactionException;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.function.Supplier;

/** Runs door work in one transaction, trying again on deadlocks and lock time-outs. */
@Singleton
class Tx {

    private static final int ATTEMPTS = 3;

    private final TransactionOperations<Connection> tx;

    Tx(TransactionOperations<Connection> tx) {
        this.tx = tx;
    }

    <T> T run(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.executeWrite(status -> work.get());
            } catch (DataAccessException | TransactionException e) {
                if (SqlErrors.isTransient(e) && attempt < ATTEMPTS) {
                    continue;
                }
                throw e;
            }
        }
    }
}
