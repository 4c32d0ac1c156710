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
 * @param <R> the row
 */
public final class BatchInsert<R> {

    /** Binds one row's values to the statement's parameters, in the order of the columns. */
    @FunctionalInterface
    public interface Binder<R> {
        void bind(Values values, R row) throws SQLException;
    }

    private final String sql;
    private final Binder<R> binder;

    /** An insert into {@code table} of these columns, each row's values bound by {@code binder}. */
    public BatchInsert(String table, List<String> columns, Binder<R> binder) {
        this.sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
        this.binder = binder;
    }

    /** Inserts the rows in the caller's transaction; nothing to insert, nothing sent. */
    public void insert(Tx tx, List<R> rows) {
        if (rows.isEmpty()) {
            return;
        }
        tx.jdbcInCallers(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                for (R row : rows) {
                    binder.bind(new Values(insert), row);
                    insert.addBatch();
                }
                return insert.executeBatch().length;
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
