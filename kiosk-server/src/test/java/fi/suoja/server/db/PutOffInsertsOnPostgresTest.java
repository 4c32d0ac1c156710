package fi.suoja.server.db;

import fi.suoja.server.OnPostgres;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same scenarios on the real PostgreSQL, where the rows put off go as one statement of several
 * inserts and the commit with them.
 */
@MicronautTest(transactional = false)
class PutOffInsertsOnPostgresTest extends PutOffInsertsScenarios implements OnPostgres {

    @Inject
    TransactionOperations<Connection> transactions;

    @Test
    void the_commit_goes_with_the_rows_put_off_so_the_transaction_manager_has_nothing_left_to_send() {
        AtomicReference<TransactionState> afterTheRows = new AtomicReference<>();
        AtomicReference<TransactionState> beforeTheRows = new AtomicReference<>();
        tx.run(() -> {
            Connection connection = tx.jdbcInCallers(inCallers -> inCallers);
            CLAIMS.insert(tx, claims(60_000_000L)); // written at once: the transaction has begun
            beforeTheRows.set(state(connection));
            CLAIMS.insertBeforeCommit(tx, claims(60_000_005L));
            // Registered after the rows were put off, so it runs after they were written.
            transactions.findTransactionStatus().orElseThrow().registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    afterTheRows.set(state(connection));
                }
            });
            return null;
        });
        assertThat(beforeTheRows.get()).as("inside the transaction, before the rows put off").isEqualTo(TransactionState.OPEN);
        assertThat(afterTheRows.get()).as("the driver saw the transaction end with the rows' statement").isEqualTo(TransactionState.IDLE);
        assertThat(tx.transactionsWithRowsPutOff()).isZero();
    }

    private static TransactionState state(Connection connection) {
        try {
            return connection.unwrap(BaseConnection.class).getTransactionState();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
