package fi.suoja.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh, empty schema in the real PostgreSQL of this machine for one test class, so that test
 * classes never see each other's rows. Fails loudly when PostgreSQL is not there.
 */
public final class PostgresSchema {

    public static final String URL = System.getenv().getOrDefault("SUOJA_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = System.getenv().getOrDefault("SUOJA_TEST_PG_USER", "postgres");

    private PostgresSchema() {
    }

    /** Creates a schema and returns the datasource properties that point a server at it. */
    public static Map<String, String> fresh(String purpose) {
        String schema = "t_" + purpose + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection connection = DriverManager.getConnection(URL, USER, "")) {
            connection.createStatement().execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is not reachable at " + URL + " as " + USER
                    + ". Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start", e);
        }
        return Map.of(
                "datasources.default.url", URL + "?currentSchema=" + schema,
                "datasources.default.username", USER,
                "datasources.default.password", "",
                "datasources.default.driver-class-name", "org.postgresql.Driver");
    }
}
