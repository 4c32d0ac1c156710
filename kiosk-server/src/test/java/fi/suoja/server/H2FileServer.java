package fi.suoja.server;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * An embedded server on an H2 database file in a directory of the test's, so that the next start
 * finds what the last one wrote; its clock at ten on 24 November 2026 in Helsinki.
 */
public final class H2FileServer {

    private H2FileServer() {
    }

    /** Starts one, with {@code more} properties besides the database's. */
    public static EmbeddedServer start(Path dir, Map<String, String> more) {
        Map<String, Object> properties = new HashMap<>(more);
        properties.put("micronaut.server.port", -1);
        properties.put("datasources.default.url", "jdbc:h2:file:" + dir.resolve("suoja") + ";DATABASE_TO_LOWER=TRUE;LOCK_TIMEOUT=10000");
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test");
        server.getApplicationContext().getBean(MutableClock.class).set(Instant.parse("2026-11-24T08:00:00Z"));
        return server;
    }
}
