package fi.suoja.server.room;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A database from before room texts, with a room in it, migrated to today's schema: the room keeps
 * its name and place as they were (they are the first language's text now), and no other language
 * is made up for it. The new table keeps one text per room and language.
 */
class RoomTextsMigrationTest {

    @Test
    void a_room_made_before_room_texts_keeps_its_name_and_place_as_the_first_language_text() throws SQLException {
        String url = "jdbc:h2:mem:migration-" + UUID.randomUUID() + ";DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").target("10").load().migrate();
        try (Connection db = DriverManager.getConnection(url, "sa", ""); Statement sql = db.createStatement()) {
            sql.execute("INSERT INTO site (id, name, time_zone, created_at) VALUES (1, 'Old library', 'Europe/Helsinki', CURRENT_TIMESTAMP)");
            sql.execute("INSERT INTO room (id, site_id, name, place, capacity, step_free, equipment, keypad, active) "
                    + "VALUES (7, 1, 'Hiljainen huone', '2. kerros, lehtien takana', 2, TRUE, '', FALSE, TRUE)");

            Flyway.configure().dataSource(url, "sa", "").load().migrate();

            try (ResultSet room = sql.executeQuery("SELECT name, place FROM room WHERE id = 7")) {
                assertThat(room.next()).isTrue();
                assertThat(room.getString("name")).isEqualTo("Hiljainen huone");
                assertThat(room.getString("place")).isEqualTo("2. kerros, lehtien takana");
            }
            try (ResultSet texts = sql.executeQuery("SELECT COUNT(*) FROM room_text WHERE room_id = 7")) {
                texts.next();
                assertThat(texts.getInt(1)).isZero();
            }
            sql.execute("INSERT INTO room_text (room_id, language, name) VALUES (7, 'sv', 'Tyst rum')");
            assertThatThrownBy(() -> sql.execute("INSERT INTO room_text (room_id, language, name) VALUES (7, 'sv', 'Rum')"))
                    .as("one text per room and language").isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> sql.execute("INSERT INTO room_text (room_id, language) VALUES (7, 'en')"))
                    .as("a text says something").isInstanceOf(SQLException.class);
        }
    }
}
