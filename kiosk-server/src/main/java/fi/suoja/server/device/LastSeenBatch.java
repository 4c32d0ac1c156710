package fi.suoja.server.device;

import fi.suoja.server.db.Tx;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Last-seen times of heartbeats that change nothing else, written for many devices at once.
 *
 * <p>Nearly every status a laptop sends is its heartbeat: the same connection, state, battery and
 * disk as the row already says. Written one by one, each was a transaction of its own, and the
 * fleet's statuses were the server's and PostgreSQL's main work (bench/fleet, issue 16). Such a
 * status is only remembered here, and every {@code suoja.fleet.last-seen-flush} (250 ms) the latest
 * time of each device is written in one JDBC batch in one transaction; on shutdown the rest is
 * written before the database goes. Anything that changes more than the time (online, session,
 * epoch, state, battery, disk, version) is written at once by {@link AgentReports} as before.
 *
 * <p>The batch keeps the guard of a status's own write (the device's epoch and no newer session
 * counter) and never moves a last-seen time back, so a heartbeat written late can neither outlive
 * a newer connection nor undo a later goodbye written at once in between.
 */
@Singleton
class LastSeenBatch {

    private static final Logger LOG = LoggerFactory.getLogger(LastSeenBatch.class);
    private static final String UPDATE = """
            UPDATE device SET last_seen_at = ?
            WHERE id = ? AND agent_epoch = ? AND session_counter <= ? AND (last_seen_at IS NULL OR last_seen_at < ?)""";

    /** A heartbeat waiting to be written: the latest of its device. */
    record Seen(String epoch, long session, Instant at) {
    }

    private final Tx tx;
    private final Map<String, Seen> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "suoja-last-seen");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closed;

    LastSeenBatch(Tx tx, @Value("${suoja.fleet.last-seen-flush:250ms}") Duration every) {
        this.tx = tx;
        flusher.scheduleWithFixedDelay(this::flushLogged, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The device was heard at {@code at} in this epoch and session; written within the flush interval. */
    void heard(String deviceId, String epoch, long session, Instant at) {
        pending.merge(deviceId, new Seen(epoch, session, at), (old, now) -> now.at().isAfter(old.at()) ? now : old);
        if (closed) {
            // Heard while shutting down, after the last scheduled flush: written now rather than lost.
            flush();
        }
    }

    /** Writes every waiting heartbeat; returns how many rows moved. */
    int flush() {
        List<Map.Entry<String, Seen>> batch = new ArrayList<>();
        for (String id : pending.keySet()) {
            Seen seen = pending.remove(id);
            if (seen != null) {
                batch.add(Map.entry(id, seen));
            }
        }
        if (batch.isEmpty()) {
            return 0;
        }
        // In the order of the ids, as every writer of many devices locks them (DeviceRepository#lockInIdOrder).
        batch.sort(Map.Entry.comparingByKey());
        try {
            return tx.run(() -> tx.jdbcInCallers(connection -> {
                try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
                    for (Map.Entry<String, Seen> e : batch) {
                        OffsetDateTime at = OffsetDateTime.ofInstant(e.getValue().at(), ZoneOffset.UTC);
                        update.setObject(1, at);
                        update.setString(2, e.getKey());
                        update.setString(3, e.getValue().epoch());
                        update.setLong(4, e.getValue().session());
                        update.setObject(5, at);
                        update.addBatch();
                    }
                    int moved = 0;
                    for (int rows : update.executeBatch()) {
                        moved += Math.max(rows, 0);
                    }
                    return moved;
                } catch (SQLException e) {
                    throw new DataAccessException("Could not write " + batch.size() + " last-seen times: " + e.getMessage(), e);
                }
            }));
        } catch (RuntimeException e) {
            // Put them back unless a newer heartbeat came meanwhile: the next flush tries again.
            batch.forEach(e2 -> pending.merge(e2.getKey(), e2.getValue(),
                    (newer, old) -> newer.at().isAfter(old.at()) ? newer : old));
            throw e;
        }
    }

    private void flushLogged() {
        try {
            flush();
        } catch (RuntimeException e) {
            // The scheduled flush must keep running; the times stay pending for the next one.
            LOG.warn("Writing last-seen times failed; trying again in the next flush: {}", e.getMessage());
        }
    }

    @PreDestroy
    void close() {
        closed = true;
        flusher.shutdown();
        try {
            flusher.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flushLogged();
    }
}
