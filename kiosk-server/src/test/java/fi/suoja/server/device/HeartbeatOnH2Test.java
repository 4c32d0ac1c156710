package fi.suoja.server.device;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The heartbeat scenarios on H2, where a trigger counts every write of a device's row. */
@MicronautTest(transactional = false)
class HeartbeatOnH2Test extends HeartbeatScenarios {

    @BeforeAll
    void countWrites() {
        tx.run(() -> tx.jdbcInCallers(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TRIGGER IF NOT EXISTS count_device_writes AFTER UPDATE ON device FOR EACH ROW CALL \""
                        + CountWrites.class.getName() + "\"");
                return null;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    @Override
    OptionalInt updatesOf(String deviceId) {
        return OptionalInt.of(CountWrites.ROWS.getOrDefault(deviceId, new AtomicInteger()).get());
    }

    /** H2 calls it for every updated row of {@code device}; the id is the first column. */
    public static final class CountWrites implements org.h2.api.Trigger {

        static final Map<String, AtomicInteger> ROWS = new ConcurrentHashMap<>();

        @Override
        public void fire(Connection connection, Object[] oldRow, Object[] newRow) {
            ROWS.computeIfAbsent((String) newRow[0], id -> new AtomicInteger()).incrementAndGet();
        }
    }
}
