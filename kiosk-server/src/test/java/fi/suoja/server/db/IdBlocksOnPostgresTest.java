package fi.suoja.server.db;

import fi.suoja.server.LibraryScene;
import fi.suoja.server.OnPostgres;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static fi.suoja.server.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Booking ids drawn before the row is written ({@link IdBlocks}), on the real PostgreSQL: two
 * instances drawing blocks from the one sequence and rows written with the generated id in between
 * (as the booking benchmark's bare inserts and an older server are) never get the same id.
 */
@MicronautTest(transactional = false)
class IdBlocksOnPostgresTest extends LibraryScene implements OnPostgres {

    @Inject
    Tx tx;

    @Test
    void two_instances_and_rows_with_the_generated_id_never_share_an_id() {
        long roomId = api.createRoom(admin, siteId, "Room A", "08:00", "20:00");
        IdBlocks one = new IdBlocks("booking");
        IdBlocks other = new IdBlocks("booking");
        List<Long> drawn = new ArrayList<>();
        List<Long> generated = new ArrayList<>();
        for (int i = 0; i < 120; i++) { // more than two blocks of each
            drawn.add(tx.run(() -> one.next(tx)).orElseThrow());
            drawn.add(tx.run(() -> other.next(tx)).orElseThrow());
            if (i % 7 == 0) {
                generated.add(tx.run(() -> tx.jdbcInCallers(connection -> insertWithGeneratedId(connection, roomId))));
            }
        }
        Set<Long> all = new HashSet<>(drawn);
        all.addAll(generated);
        assertThat(all).as("every id once").hasSize(drawn.size() + generated.size());
        for (long id : drawn) { // and each can be written, beside the generated ones
            tx.run(() -> tx.jdbcInCallers(connection -> insert(connection, id, roomId)));
        }
        long rows = tx.read((java.sql.Connection connection) -> PutOffInsertsScenarios.count(connection, "SELECT count(*) FROM booking WHERE room_id = ?", roomId));
        assertThat(rows).isEqualTo(all.size());
    }

    @Test
    void a_booking_made_through_the_api_gets_a_drawn_id_and_keeps_it() {
        long roomId = api.createRoom(admin, siteId, "Room B", "08:00", "20:00");
        Instant start = at(TODAY, "12:00");
        var made = expect(201, api.post("/api/v1/bookings", kiosk, Map.of("roomId", roomId, "start", start.toString(), "minutes", 30)));
        long id = made.number("id");
        long generated = tx.run(() -> tx.jdbcInCallers(connection -> insertWithGeneratedId(connection, roomId)));
        assertThat(generated).as("the generated id is past the block the booking's came from").isGreaterThan(id);
        var next = expect(201, api.post("/api/v1/bookings", kiosk, Map.of("roomId", roomId, "start", at(TODAY, "14:00").toString(), "minutes", 30)));
        assertThat(next.number("id")).as("the next from the same block").isEqualTo(id + 1);
        assertThat(expect(200, api.get("/api/v1/bookings/" + made.string("code"), staff)).number("id")).isEqualTo(id);
    }

    private static long insertWithGeneratedId(java.sql.Connection connection, long roomId) {
        return write(connection, "INSERT INTO booking (room_id, starts_at, ends_at, status, created_at, anonymised)"
                + " VALUES (?, now() + interval '400 days', now() + interval '401 days', 'COMPLETED', now(), TRUE) RETURNING id", null, roomId);
    }

    private static long insert(java.sql.Connection connection, long id, long roomId) {
        return write(connection, "INSERT INTO booking (id, room_id, starts_at, ends_at, status, created_at, anonymised)"
                + " VALUES (?, ?, now() + interval '400 days', now() + interval '401 days', 'COMPLETED', now(), TRUE) RETURNING id", id, roomId);
    }

    private static long write(java.sql.Connection connection, String sql, Long id, long roomId) {
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            int next = 1;
            if (id != null) {
                insert.setLong(next++, id);
            }
            insert.setLong(next, roomId);
            try (ResultSet rows = insert.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
