package fi.suoja.server.db;

import java.sql.SQLException;

/** Reads what went wrong in the database from the SQLSTATE, which H2 and PostgreSQL share here. */
public final class SqlErrors {

    private static final String UNIQUE_VIOLATION = "23505";

    private SqlErrors() {
    }

    public static boolean isUniqueViolation(Throwable error) {
        return hasState(error, UNIQUE_VIOLATION);
    }

    /** Deadlocks, serialisation failures and lock time-outs: worth one more try. */
    public static boolean isTransient(Throwable error) {
        return hasState(error, "40001") || hasState(error, "40P01") || hasState(error, "HYT00")
                || hasState(error, "50200");
    }

    private static boolean hasState(Throwable error, String state) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    if (state.equals(e.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
