package fi.suoja.server.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Rows inserted as one JDBC batch on the caller's transaction's connection: one round trip to the
 * database where a repository's {@code saveAll} makes one a row (it asks each row's generated id
 * back). For rows whose ids nobody reads at once, such as a booking's slot claims and door tasks.
 * A unique key that refuses a row fails the whole batch like a failed {@code save}.
 *
 * <p>{@link #insertBeforeCommit} puts the rows off until the transaction commits, and the rows of
 * every such insert in it go together: on PostgreSQL as one statement of several inserts and the
 * {@code COMMIT}, one round trip for a new booking's slot claims, door tasks and commit where two
 * batches and a commit took three.
 *
 * @param <R> the row
 */
public final class BatchInsert<R> {

    /** Binds one row's values to the statement's parameters, in the order of the columns. */
    @FunctionalInterface
    public interface Binder<R> {
        void bind(Values values, R row) throws SQLException;
    }

    /** PostgreSQL's protocol allows 65,535 parameters a statement; more rows than this go as batches. */
    private static final int MAX_PARAMETERS = 30_000;

    private final String sql;
    private final int columns;
    private final String intoColumns;
    private final String oneRow;
    private final Binder<R> binder;

    /** An insert into {@code table} of these columns, each row's values bound by {@code binder}. */
    public BatchInsert(String table, List<String> columns, Binder<R> binder) {
        this.columns = columns.size();
        this.intoColumns = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ";
        this.oneRow = "(" + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
        this.sql = intoColumns + oneRow;
        this.binder = binder;
    }

    /**
     * Inserts the rows just before the caller's transaction commits, together with the other rows
     * put off in it. For rows that nothing in the transaction reads back: until the commit they are
     * not there. A unique key that refuses one fails the commit, and the transaction rolls back.
     */
    public void insertBeforeCommit(Tx tx, List<R> rows) {
        if (!rows.isEmpty()) {
            tx.beforeCommit(new Rows<>(this, List.copyOf(rows)));
        }
    }

    /** Rows of one insert, put off until the commit. */
    record Rows<R>(BatchInsert<R> insert, List<R> rows) {

        /** One multi-row {@code INSERT … VALUES (…), (…)} of these rows. */
        String sql() {
            return insert.intoColumns + String.join(", ", java.util.Collections.nCopies(rows.size(), insert.oneRow));
        }

        /** Binds the rows' values in order from the statement's parameter {@code values} is at. */
        void bind(Values values) throws SQLException {
            for (R row : rows) {
                insert.binder.bind(values, row);
            }
        }

        /** As one batch of single-row inserts: written at once, or put off on H2 (in the server's own process, no round trips to save). */
        void insertAsBatch(java.sql.Connection connection) throws SQLException {
            try (PreparedStatement batch = connection.prepareStatement(insert.sql)) {
                for (R row : rows) {
                    insert.binder.bind(new Values(batch), row);
                    batch.addBatch();
                }
                batch.executeBatch();
            }
        }
    }

    /**
     * The put-off rows of one transaction, written when it commits, and on PostgreSQL the commit
     * with them: one prepared statement of one multi-row insert for each and then {@code COMMIT},
     * which its driver sends in one round trip. The driver then knows the transaction has ended, and
     * the transaction manager's own commit sends nothing. A row that a key refuses stops the
     * statement before the {@code COMMIT}, and the transaction rolls back as it would have. So this
     * must be the transaction's last work: {@link Tx} calls it from the only synchronization that
     * writes before a commit.
     */
    static void insertAllAndCommit(java.sql.Connection connection, List<Rows<?>> pending) {
        int count = pending.stream().mapToInt(r -> r.rows().size()).sum();
        int parameters = pending.stream().mapToInt(r -> r.rows().size() * r.insert().columns).sum();
        try {
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName()) || parameters > MAX_PARAMETERS) {
                for (Rows<?> rows : pending) {
                    rows.insertAsBatch(connection);
                }
                return;
            }
            String statements = String.join(";\n", pending.stream().map(Rows::sql).toList()) + ";\nCOMMIT";
            try (PreparedStatement insert = connection.prepareStatement(statements)) {
                Values values = new Values(insert);
                for (Rows<?> rows : pending) {
                    rows.bind(values);
                }
                insert.execute();
            }
        } catch (SQLException e) {
            throw new DataAccessException("Could not insert " + count + " rows: " + e.getMessage(), e);
        }
    }

    /** Inserts the rows in the caller's transaction; nothing to insert, nothing sent. */
    public void insert(Tx tx, List<R> rows) {
        if (rows.isEmpty()) {
            return;
        }
        tx.jdbcInCallers(connection -> {
            try {
                new Rows<>(this, rows).insertAsBatch(connection);
                return null;
            } catch (SQLException e) {
                throw new DataAccessException("Could not insert " + rows.size() + " rows: " + e.getMessage(), e);
            }
        });
    }

    /** One row's values, in the order of the columns. */
    public static final class Values {

        private final PreparedStatement statement;
        private int next = 1;

        private Values(PreparedStatement statement) {
            this.statement = statement;
        }

        public Values add(long value) throws SQLException {
            statement.setLong(next++, value);
            return this;
        }

        public Values add(@Nullable Long value) throws SQLException {
            if (value == null) {
                statement.setNull(next++, Types.BIGINT);
            } else {
                statement.setLong(next++, value);
            }
            return this;
        }

        public Values add(boolean value) throws SQLException {
            statement.setBoolean(next++, value);
            return this;
        }

        public Values add(@Nullable Integer value) throws SQLException {
            if (value == null) {
                statement.setNull(next++, Types.INTEGER);
            } else {
                statement.setInt(next++, value);
            }
            return this;
        }

        public Values add(@Nullable String value) throws SQLException {
            statement.setString(next++, value);
            return this;
        }

        public Values add(@Nullable Instant value) throws SQLException {
            if (value == null) {
                statement.setNull(next++, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                statement.setObject(next++, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
            }
            return this;
        }
    }
}
