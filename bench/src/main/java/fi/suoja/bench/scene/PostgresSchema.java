package fi.suoja.bench.scene;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A schema of the benchmark's own in this machine's PostgreSQL, made empty at the start and
 * dropped at the end, so a run never meets the rows of another (or of a run that was cut short).
 */
public final class PostgresSchema implements AutoCloseable {

    public static final String URL = System.getenv().getOrDefault("SUOJA_BENCH_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = System.getenv().getOrDefault("SUOJA_BENCH_PG_USER", "postgres");
    public static final String PASSWORD = System.getenv().getOrDefault("SUOJA_BENCH_PG_PASSWORD", "");

    private final String name;
    private boolean dropped;

    private PostgresSchema(String name) {
        this.name = name;
    }

    public static PostgresSchema fresh(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain schema name: " + name);
        }
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
            s.execute("CREATE SCHEMA " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is not reachable at " + URL + " as " + USER
                    + " (start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start)", e);
        }
        PostgresSchema schema = new PostgresSchema(name);
        Runtime.getRuntime().addShutdownHook(new Thread(schema::close));
        return schema;
    }

    public String name() {
        return name;
    }

    /** The JDBC URL whose connections see this schema first. */
    public String url() {
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, PASSWORD);
    }

    @Override
    public synchronized void close() {
        if (dropped) {
            return;
        }
        dropped = true;
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        } catch (SQLException e) {
            System.err.println("Could not drop schema " + name + ": " + e.getMessage());
        }
    }
}
