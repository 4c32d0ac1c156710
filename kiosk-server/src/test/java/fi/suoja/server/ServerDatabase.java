package fi.suoja.server;

import java.util.Map;

/** The database properties a scenario class's server starts with: none, so H2 in memory, unless it is {@link OnPostgres}. */
public interface ServerDatabase {

    default Map<String, String> databaseProperties() {
        return Map.of();
    }
}
