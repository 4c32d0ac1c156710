package fi.suoja.server.metrics;

import fi.suoja.server.db.Tx;
import fi.suoja.server.device.DeviceKind;
import fi.suoja.server.help.HelpCallStatus;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the gauges' counts with a few grouped queries (on indexed columns, over recent rows only)
 * and keeps them for {@code suoja.metrics.counts-for}, so that several gauges of one scrape, and
 * scrapes in quick succession, cost one reading. A failed reading is logged and gives no values
 * (the gauges show NaN) rather than old ones.
 */
@Singleton
class CountsReader {

    private static final Logger LOG = LoggerFactory.getLogger(CountsReader.class);
    static final Duration RECENT = Duration.ofHours(24);

    private final Tx tx;
    private final MetricsConfig config;
    private final Clock clock;
    private Counts counts = Counts.UNREAD;
    private Instant readAt = Instant.MIN;

    CountsReader(Tx tx, MetricsConfig config, Clock clock) {
        this.tx = tx;
        this.config = config;
        this.clock = clock;
    }

    /** The counts, read again when the last reading is older than the configured time. */
    synchronized Counts now() {
        Instant now = clock.instant();
        if (!now.isBefore(readAt) && now.isBefore(readAt.plus(config.countsFor()))) {
            return counts;
        }
        try {
            counts = tx.read(connection -> read(connection, now));
        } catch (RuntimeException e) {
            LOG.warn("Cannot read the counts for the metrics: {}", e.getMessage());
            counts = Counts.UNREAD;
        }
        readAt = now;
        return counts;
    }

    private static Counts read(Connection connection, Instant now) {
        OffsetDateTime recent = now.minus(RECENT).atOffset(ZoneOffset.UTC);
        String agentKinds = Arrays.stream(DeviceKind.values()).filter(DeviceKind::hasAgent)
                .map(k -> "'" + k.name() + "'").collect(Collectors.joining(","));
        String openHelpCalls = Arrays.stream(HelpCallStatus.values()).filter(HelpCallStatus::open)
                .map(s -> "'" + s.name() + "'").collect(Collectors.joining(","));
        try {
            return new Counts(
                    byName(connection, "SELECT status, COUNT(*) FROM booking WHERE ends_at >= ? GROUP BY status", recent),
                    byName(connection, "SELECT state, COUNT(*) FROM device GROUP BY state"),
                    byOnline(connection, "SELECT online, COUNT(*) FROM device WHERE kind IN (" + agentKinds
                            + ") AND state <> 'RETIRED' GROUP BY online"),
                    byName(connection, "SELECT status, COUNT(*) FROM help_call WHERE status IN (" + openHelpCalls
                            + ") GROUP BY status"),
                    count(connection, "SELECT COUNT(*) FROM door_task WHERE state = 'PENDING' AND last_error IS NOT NULL"),
                    count(connection, "SELECT COUNT(*) FROM door_task WHERE state = 'FAILED' AND finished_at >= ?", recent));
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static Map<String, Long> byName(Connection connection, String sql, Object... parameters) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (PreparedStatement statement = prepare(connection, sql, parameters); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        }
        return counts;
    }

    private static Map<Boolean, Long> byOnline(Connection connection, String sql) throws SQLException {
        Map<Boolean, Long> counts = new HashMap<>();
        try (PreparedStatement statement = prepare(connection, sql); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                counts.put(rows.getBoolean(1), rows.getLong(2));
            }
        }
        return counts;
    }

    private static long count(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters); ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
