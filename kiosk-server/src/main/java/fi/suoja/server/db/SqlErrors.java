package fi.suoja.server.db;

import org.postgresql.util.PSQLException;

import java.sql.SQLException;
import java.util.stream.Stream;

/** Reads what went wrong in the database from the SQLSTATE, which H2 and PostgreSQL share here. */
public final class SqlErrors {

    private static final String UNIQUE_VIOLATION = "23505";

    private SqlErrors() {
    }

    public static boolean isUniqueViolation(Throwable error) {
        return hasState(error, UNIQUE_VIOLATION);
    }

    /**
     * A unique key of this table refused a row, as PostgreSQL tells it; false on H2, whose errors do
     * not name the table (there the row that can clash is written at once and caught there).
     */
    public static boolean isUniqueViolationIn(Throwable error, String table) {
        return sqlErrors(error).anyMatch(e -> e instanceof PSQLException pg && UNIQUE_VIOLATION.equals(pg.getSQLState())
                && pg.getServerErrorMessage() != null && table.equals(pg.getServerErrorMessage().getTable()));
    }

    /** Deadlocks, serialisation failures and lock time-outs: worth one more try. */
    public static boolean isTransient(Throwable error) {
        return hasState(error, "40001") || hasState(error, "40P01") || hasState(error, "HYT00")
                || hasState(error, "50200");
    }

    private static boolean hasState(Throwable error, String state) {
        return sqlErrors(error).anyMatch(e -> state.equals(e.getSQLState()));
    }

    /** The SQL errors among the causes, each followed by the ones chained to it (a batch's). */
    private static Stream<SQLException> sqlErrors(Throwable error) {
        Stream.Builder<SQLException> found = Stream.builder();
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    found.add(e);
                }
            }
        }
        return found.build();
    }
}
