package fi.suoja.server.room;

import fi.suoja.server.problem.SuojaException;
import fi.suoja.server.site.BookingRules;
import fi.suoja.server.site.Site;
import io.micronaut.data.exceptions.DataAccessException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One statement for a {@link BookableRoom}, where the repositories take seven (room, texts, site,
 * rules, weekly hours, exception days, and the site again for its zone): every booking and every
 * change by code reads it, so each round trip saved is saved on every one of them. It reads in
 * the caller's transaction like the repositories, so a change staff committed is seen by the very
 * next booking on any instance: nothing is kept between calls.
 *
 * <p>The room's one row joined with its site and rules, and beside it (LEFT JOIN) one row per
 * weekday's hours, exception day and text in another language, told apart by {@code kind}; a room
 * with none of these comes as the one row with {@code kind} null. Plain SQL that H2 and PostgreSQL
 * both run; the {@code room_id} is repeated inside each part of the union so that neither database
 * has to push it down.
 */
final class BookableRoomRead {

    private static final int HOURS = 1;
    private static final int EXCEPTION = 2;
    private static final int TEXT = 3;

    static final String SQL = """
            SELECT r.id, r.site_id, r.name, r.place, r.capacity, r.step_free, r.equipment, r.door_lock_id, r.keypad,
                   r.room_sign_id, r.active,
                   s.name AS site_name, s.time_zone, s.created_at, s.retention_days,
                   b.slot_step_minutes, b.min_booking_minutes, b.max_booking_minutes, b.max_days_ahead, b.buffer_minutes,
                   b.check_in_grace_minutes, b.door_code_lead_minutes, b.library_card_required,
                   b.max_active_bookings_per_card, b.name_on_door_allowed,
                   c.kind, c.weekday, c.on_date, c.opens, c.closes, c.language, c.text_name, c.text_place
            FROM room r
            JOIN site s ON s.id = r.site_id
            JOIN booking_rules b ON b.site_id = r.site_id
            LEFT JOIN (
                SELECT %d AS kind, room_id, weekday, CAST(NULL AS DATE) AS on_date, opens, closes,
                       CAST(NULL AS VARCHAR(8)) AS language, CAST(NULL AS VARCHAR(80)) AS text_name,
                       CAST(NULL AS VARCHAR(200)) AS text_place
                FROM opening_hours WHERE room_id = ?
                UNION ALL
                SELECT %d, room_id, CAST(NULL AS INT), on_date, opens, closes,
                       CAST(NULL AS VARCHAR(8)), CAST(NULL AS VARCHAR(80)), CAST(NULL AS VARCHAR(200))
                FROM exception_day WHERE room_id = ?
                UNION ALL
                SELECT %d, room_id, CAST(NULL AS INT), CAST(NULL AS DATE), CAST(NULL AS TIME), CAST(NULL AS TIME),
                       language, name, place
                FROM room_text WHERE room_id = ?
            ) c ON c.room_id = r.id
            WHERE r.id = ?
            """.formatted(HOURS, EXCEPTION, TEXT);

    private BookableRoomRead() {
    }

    static BookableRoom read(Connection connection, long roomId) {
        try (PreparedStatement select = connection.prepareStatement(SQL)) {
            for (int i = 1; i <= 4; i++) {
                select.setLong(i, roomId);
            }
            try (ResultSet rows = select.executeQuery()) {
                return of(rows);
            }
        } catch (SQLException e) {
            throw new DataAccessException("Could not read room " + roomId + ": " + e.getMessage(), e);
        }
    }

    private static BookableRoom of(ResultSet rows) throws SQLException {
        if (!rows.next()) {
            throw SuojaException.notFound("The room");
        }
        Room room = new Room(rows.getLong("id"), rows.getLong("site_id"), rows.getString("name"), rows.getString("place"),
                rows.getInt("capacity"), rows.getBoolean("step_free"), rows.getString("equipment"),
                rows.getString("door_lock_id"), rows.getBoolean("keypad"), rows.getString("room_sign_id"),
                rows.getBoolean("active"));
        Site site = new Site(room.siteId(), rows.getString("site_name"), rows.getString("time_zone"),
                rows.getObject("created_at", OffsetDateTime.class).toInstant(), rows.getObject("retention_days", Integer.class));
        BookingRules rules = new BookingRules(room.siteId(), rows.getInt("slot_step_minutes"), rows.getInt("min_booking_minutes"),
                rows.getInt("max_booking_minutes"), rows.getInt("max_days_ahead"), rows.getInt("buffer_minutes"),
                rows.getInt("check_in_grace_minutes"), rows.getInt("door_code_lead_minutes"),
                rows.getBoolean("library_card_required"), rows.getInt("max_active_bookings_per_card"),
                rows.getBoolean("name_on_door_allowed"));
        Map<DayOfWeek, DailyHours> week = new EnumMap<>(DayOfWeek.class);
        Map<LocalDate, Optional<DailyHours>> other = new HashMap<>();
        List<RoomText> texts = new ArrayList<>();
        do {
            int kind = rows.getInt("kind");
            if (rows.wasNull()) {
                continue;
            }
            LocalTime opens = rows.getObject("opens", LocalTime.class);
            LocalTime closes = rows.getObject("closes", LocalTime.class);
            switch (kind) {
                case HOURS -> week.put(DayOfWeek.of(rows.getInt("weekday")), new DailyHours(opens, closes));
                case EXCEPTION -> other.put(rows.getObject("on_date", LocalDate.class),
                        opens == null ? Optional.empty() : Optional.of(new DailyHours(opens, closes)));
                case TEXT -> texts.add(new RoomText(null, room.id(), rows.getString("language"),
                        rows.getString("text_name"), rows.getString("text_place")));
                default -> throw new IllegalStateException("unknown kind of row " + kind);
            }
        } while (rows.next());
        return new BookableRoom(room, RoomService.texts(room, texts), site, rules, new RoomSchedule(site.zone(), week, other));
    }
}
