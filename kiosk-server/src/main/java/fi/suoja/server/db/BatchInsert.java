package fi.suoja.server.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Rows inserted as one JDBC batch on the caller's transaction's connection: one round trip to the
 * database where a repository's {@code saveAll} makes one a row (it asks each row's generated id
 * back). For rows whose ids nobody reads at once, such as a booking's slot claims and door tasks.
 * A unique key that refuses a row fails the whole batch like a failed {@code save}.
 *
 * <p>{@link #insertBeforeCommit} puts the rows off until the transaction commits, and the rows of
 * every such insert in it go together: on PostgreSQL as one statement of several inserts and the
 * {@code COMMIT}, one round trip for a new booking's slot claims, door tasks and commit where two
 * batches and a commit took three. Many rows of one insert go there as one array a column
 * ({@code INSERT … SELECT * FROM unnest(…)}): a "wipe now" of 1,000 laptops put off 3,000 rows, and
 * PostgreSQL spent about 70 ms parsing and binding their 25,000 parameters before it wrote a row.
 *
 * @param <R> the row
 */
public final class BatchInsert<R> {

    /** Binds one row's values to the statement's parameters, in the order of the columns. */
    @FunctionalInterface
    public interface Binder<R> {
        void bind(Values values, R row) throws SQLException;
    }

    /**
     * From this many rows, one insert put off goes to PostgreSQL as arrays. Fewer go as rows of
     * parameters: a booking's few rows make the same statement text each time, which the driver
     * keeps prepared, and a parameter costs no more than an array element there.
     */
    static final int AS_ARRAYS_FROM = 32;

    private final String sql;
    private final int columns;
    private final String intoColumns;
    private final String into;
    private final String oneRow;
    private final Binder<R> binder;

    /** An insert into {@code table} of these columns, each row's values bound by {@code binder}. */
    public BatchInsert(String table, List<String> columns, Binder<R> binder) {
        this.columns = columns.size();
        this.into = "INSERT INTO " + table + " (" + String.join(", ", columns) + ")";
        this.intoColumns = into + " VALUES ";
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

        boolean asArrays() {
            return rows.size() >= AS_ARRAYS_FROM;
        }

        /**
         * One multi-row {@code INSERT … VALUES (…), (…)} of these rows, or for many rows one
         * {@code INSERT … SELECT * FROM unnest(…)} of an array a column, whose element types {@code
         * arrays} holds once the rows are bound.
         */
        String sql(List<Column> arrays) {
            if (!asArrays()) {
                return insert.intoColumns + String.join(", ", Collections.nCopies(rows.size(), insert.oneRow));
            }
            return insert.into + " SELECT * FROM unnest(" + String.join(", ", arrays.stream().map(c -> "?::" + c.type + "[]").toList()) + ")";
        }

        /** The rows' values by column, for {@link #sql} as arrays. */
        List<Column> columns() throws SQLException {
            Values collected = new Values(insert.columns, rows.size());
            for (R row : rows) {
                insert.binder.bind(collected, row);
                collected.endOfRow();
            }
            return collected.columns;
        }

        /** Binds the rows' values in order from the statement's parameter {@code values} is at. */
        void bind(Values values) throws SQLException {
            for (R row : rows) {
                insert.binder.bind(values, row);
            }
        }

        /** As one batch of single-row inserts: written at once, or put off on H2 (in the server's own process, no round trips to save). */
        void insertAsBatch(Connection connection) throws SQLException {
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
     * with them: one prepared statement of one insert for each and then {@code COMMIT}, which its
     * driver sends in one round trip. The driver then knows the transaction has ended, and
     * the transaction manager's own commit sends nothing. A row that a key refuses stops the
     * statement before the {@code COMMIT}, and the transaction rolls back as it would have. So this
     * must be the transaction's last work: {@link Tx} calls it from the only synchronization that
     * writes before a commit.
     */
    static void insertAllAndCommit(Connection connection, List<Rows<?>> pending) {
        int count = pending.stream().mapToInt(r -> r.rows().size()).sum();
        try {
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                for (Rows<?> rows : pending) {
                    rows.insertAsBatch(connection);
                }
                return;
            }
            List<List<Column>> arrays = new ArrayList<>();
            for (Rows<?> rows : pending) {
                arrays.add(rows.asArrays() ? rows.columns() : List.of());
            }
            List<String> sql = new ArrayList<>();
            for (int i = 0; i < pending.size(); i++) {
                sql.add(pending.get(i).sql(arrays.get(i)));
            }
            try (PreparedStatement insert = connection.prepareStatement(String.join(";\n", sql) + ";\nCOMMIT")) {
                Values values = new Values(insert);
                for (int i = 0; i < pending.size(); i++) {
                    if (pending.get(i).asArrays()) {
                        values.addArrays(connection, arrays.get(i));
                    } else {
                        pending.get(i).bind(values);
                    }
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

    /** One column's values of many rows, and their PostgreSQL type, to go as one array. */
    static final class Column {

        final String type;
        /** Of the element class the driver encodes for the type: {@code Long[]} for int8, {@code String[]} for text. */
        final Object[] values;

        Column(String type, Object[] values) {
            this.type = type;
            this.values = values;
        }
    }

    /**
     * One row's values, in the order of the columns: bound to a statement's parameters, or
     * collected by column for arrays.
     */
    public static final class Values {

        @Nullable
        private final PreparedStatement statement;
        private int next = 1;
        /** Collecting: a column each, and the row being bound. */
        private final List<Column> columns;
        private final int rows;
        private int row;

        private Values(PreparedStatement statement) {
            this.statement = statement;
            this.columns = List.of();
            this.rows = 0;
        }

        private Values(int columns, int rows) {
            this.statement = null;
            this.columns = new ArrayList<>(columns);
            this.rows = rows;
        }

        public Values add(long value) throws SQLException {
            return add(Long.valueOf(value));
        }

        public Values add(@Nullable Long value) throws SQLException {
            if (statement == null) {
                return collect("int8", value, Long[]::new);
            }
            if (value == null) {
                statement.setNull(next++, Types.BIGINT);
            } else {
                statement.setLong(next++, value);
            }
            return this;
        }

        public Values add(boolean value) throws SQLException {
            if (statement == null) {
                return collect("bool", value, Boolean[]::new);
            }
            statement.setBoolean(next++, value);
            return this;
        }

        public Values add(@Nullable Integer value) throws SQLException {
            if (statement == null) {
                return collect("int4", value, Integer[]::new);
            }
            if (value == null) {
                statement.setNull(next++, Types.INTEGER);
            } else {
                statement.setInt(next++, value);
            }
            return this;
        }

        public Values add(@Nullable String value) throws SQLException {
            if (statement == null) {
                return collect("text", value, String[]::new);
            }
            statement.setString(next++, value);
            return this;
        }

        public Values add(@Nullable Instant value) throws SQLException {
            if (statement == null) {
                // Rounded to PostgreSQL's microseconds as the driver rounds an OffsetDateTime parameter.
                return collect("timestamptz", value == null ? null : value.plusNanos(500).truncatedTo(ChronoUnit.MICROS).toString(),
                        String[]::new);
            }
            if (value == null) {
                statement.setNull(next++, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                statement.setObject(next++, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
            }
            return this;
        }

        private Values collect(String type, @Nullable Object value, IntFunction<Object[]> array) {
            int column = next++ - 1;
            if (row == 0) {
                columns.add(new Column(type, array.apply(rows)));
            } else if (!columns.get(column).type.equals(type)) {
                throw new IllegalStateException("Column " + (column + 1) + " was bound as " + columns.get(column).type
                        + " and then as " + type);
            }
            columns.get(column).values[row] = value;
            return this;
        }

        private void endOfRow() {
            if (next - 1 != columns.size()) {
                throw new IllegalStateException("A row bound " + (next - 1) + " values for " + columns.size() + " columns");
            }
            next = 1;
            row++;
        }

        /** Binds each column as one array, from the statement's parameter this is at. */
        private void addArrays(Connection connection, List<Column> arrays) throws SQLException {
            for (Column column : arrays) {
                statement.setArray(next++, connection.createArrayOf(column.type, column.values));
            }
        }
    }
}
