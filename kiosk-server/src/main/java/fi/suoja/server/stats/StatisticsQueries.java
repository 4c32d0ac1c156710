package fi.suoja.server.stats;

import fi.suoja.server.db.Tx;
import fi.suoja.server.booking.BookingStatus;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain SQL over the tables of the booking and device features, read-only. Statistics join
 * across features (a loan's device kind, a wipe's site), which the features' own repositories
 * keep to themselves; reading the columns here keeps them free of statistics. Only time, state,
 * kind and language columns are selected: never a code, card hash or name.
 */
@Singleton
class StatisticsQueries {

    private final Tx tx;

    StatisticsQueries(Tx tx) {
        this.tx = tx;
    }

    /** A finished wipe job: {@code verified} and {@code durationMillis} are null without a report. */
    record WipeRow(String method, String state, @Nullable Boolean verified, @Nullable Long durationMillis) {
    }

    /** Bookings of a site's rooms that overlap {@code [from, to)}. */
    List<BookingRow> bookingsOfSite(long siteId, Instant from, Instant to) {
        return query("""
                SELECT b.id, b.room_id, b.starts_at, b.ends_at, b.status, b.checked_in_at, b.ended_at, b.language
                FROM booking b JOIN room r ON r.id = b.room_id
                WHERE r.site_id = ? AND b.starts_at < ? AND b.ends_at > ?
                ORDER BY b.starts_at, b.id""", List.of(siteId, utc(to), utc(from)), StatisticsQueries::booking);
    }

    /** Bookings of one room that overlap {@code [from, to)}. */
    List<BookingRow> bookingsOfRoom(long roomId, Instant from, Instant to) {
        return query("""
                SELECT b.id, b.room_id, b.starts_at, b.ends_at, b.status, b.checked_in_at, b.ended_at, b.language
                FROM booking b
                WHERE b.room_id = ? AND b.starts_at < ? AND b.ends_at > ?
                ORDER BY b.starts_at, b.id""", List.of(roomId, utc(to), utc(from)), StatisticsQueries::booking);
    }

    /** Loans of a site's devices started in {@code [from, to)}, per device kind. */
    Map<String, Integer> loansByKind(long siteId, Instant from, Instant to) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<Map.Entry<String, Integer>> rows = query("""
                SELECT d.kind, COUNT(*) FROM loan l JOIN device d ON d.id = l.device_id
                WHERE d.site_id = ? AND l.started_at >= ? AND l.started_at < ?
                GROUP BY d.kind""", List.of(siteId, utc(from), utc(to)), rs -> Map.entry(rs.getString(1), rs.getInt(2)));
        rows.forEach(row -> counts.put(row.getKey(), row.getValue()));
        return counts;
    }

    /** When each loan of a site's devices started in {@code [from, to)} began. */
    List<Instant> loanStarts(long siteId, Instant from, Instant to) {
        return query("""
                SELECT l.started_at FROM loan l JOIN device d ON d.id = l.device_id
                WHERE d.site_id = ? AND l.started_at >= ? AND l.started_at < ?""",
                List.of(siteId, utc(from), utc(to)), rs -> instant(rs, 1));
    }

    /** Wipe jobs of a site's devices finished in {@code [from, to)}, with their reports' outcome and duration. */
    List<WipeRow> finishedWipes(long siteId, Instant from, Instant to) {
        return query("""
                SELECT j.method, j.state, w.verified, w.duration_millis
                FROM wipe_job j JOIN device d ON d.id = j.device_id LEFT JOIN wipe_report w ON w.job_id = j.id
                WHERE d.site_id = ? AND j.finished_at >= ? AND j.finished_at < ?""",
                List.of(siteId, utc(from), utc(to)), rs -> {
                    boolean verified = rs.getBoolean(3);
                    Boolean reported = rs.wasNull() ? null : verified;
                    long millis = rs.getLong(4);
                    return new WipeRow(rs.getString(1), rs.getString(2), reported, rs.wasNull() ? null : millis);
                });
    }

    private static BookingRow booking(ResultSet rs) throws SQLException {
        return new BookingRow(rs.getLong(1), rs.getLong(2), instant(rs, 3), instant(rs, 4), BookingStatus.valueOf(rs.getString(5)),
                instant(rs, 6), instant(rs, 7), rs.getString(8));
    }

    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, List<Object> parameters, Row<T> row) {
        return tx.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.size(); i++) {
                    statement.setObject(i + 1, parameters.get(i));
                }
                List<T> rows = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        rows.add(row.read(rs));
                    }
                }
                return rows;
            } catch (SQLException e) {
                throw new IllegalStateException("Statistics query failed: " + e.getMessage(), e);
            }
        });
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
