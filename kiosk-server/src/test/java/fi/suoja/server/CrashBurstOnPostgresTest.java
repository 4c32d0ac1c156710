package fi.suoja.server;

import org.junit.jupiter.api.Tag;

import java.util.Map;

/** A fresh schema of the machine's PostgreSQL, kept for both starts of the server. */
@Tag("postgres")
@Tag("process")
class CrashBurstOnPostgresTest extends CrashBurstScenarios {

    @Override
    Map<String, String> database() {
        return ServerProcess.postgres("crash");
    }
}
