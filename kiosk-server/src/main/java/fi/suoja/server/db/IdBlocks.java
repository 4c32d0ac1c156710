package fi.suoja.server.db;

import io.micronaut.data.exceptions.DataAccessException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalLong;

/**
 * Ids of a table's new rows before the rows are written, so that on PostgreSQL a row can go in
 * the one statement of its transaction's commit with the rows that refer to it ({@link
 * BatchInsert#insertBeforeCommit}) instead of an {@code INSERT … RETURNING} round trip of its own.
 *
 * <p>The ids come in blocks from the table's own identity sequence, read from the sequence how far
 * it steps: one {@code nextval} gives this instance the ids from its value to the next step, and a
 * row written with the generated id takes a whole step for itself, so no id is given twice, across
 * instances and restarts. Ids of a block left when the server stops are never used. A sequence that
 * steps one at a time gives no ids (a {@code nextval} a row saves no round trip), and neither does
 * H2: rows are written at once there, and in the server's own process there is no round trip to save.
 */
public final class IdBlocks {

    private final String table;
    /** How many ids one {@code nextval} gives: the sequence's step on PostgreSQL, 0 elsewhere; -1 until first asked. */
    private long step = -1;
    private long next;
    private long end;

    /** Ids of {@code table}'s {@code id} column. */
    public IdBlocks(String table) {
        this.table = table;
    }

    /** The id for a new row, drawn on the caller's transaction's connection; none where the row should be written at once. */
    public OptionalLong next(Tx tx) {
        return tx.jdbcInCallers(this::next);
    }

    private synchronized OptionalLong next(Connection connection) {
        try {
            if (step < 0) {
                step = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName()) ? stepOf(connection) : 0;
            }
            if (step <= 1) {
                return OptionalLong.empty();
            }
            if (next == end) {
                next = single(connection, "SELECT nextval(pg_get_serial_sequence(?, 'id'))");
                end = next + step;
            }
            return OptionalLong.of(next++);
        } catch (SQLException e) {
            throw new DataAccessException("Could not draw ids for " + table + ": " + e.getMessage(), e);
        }
    }

    private long stepOf(Connection connection) throws SQLException {
        return single(connection, "SELECT seqincrement FROM pg_sequence WHERE seqrelid = pg_get_serial_sequence(?, 'id')::regclass");
    }

    private long single(Connection connection, String sql) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    throw new SQLException("no sequence for " + table + ".id");
                }
                return rows.getLong(1);
            }
        }
    }
}
