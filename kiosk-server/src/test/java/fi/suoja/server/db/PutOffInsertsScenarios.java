package fi.suoja.server.db;

import fi.suoja.server.LibraryScene;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static fi.suoja.server.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rows put off until their transaction commits ({@link BatchInsert#insertBeforeCommit}), as a new
 * booking's slot claims and door tasks are: written at the commit, all or nothing with the rest of
 * the transaction, and never written when it rolls back. Slot claims of a real booking are the rows
 * here, because their key (a room's five minutes) is the one that keeps bookings apart. Run on H2 by
 * {@link PutOffInsertsOnH2Test} and on PostgreSQL, where the rows go in one statement, by
 * {@link PutOffInsertsOnPostgresTest}.
 */
abstract class PutOffInsertsScenarios extends LibraryScene {

    /** Far from any booking's grains, on the five-minute grid. */
    private static final long FREE_GRAIN = 50_000_000L;

    static final BatchInsert<long[]> CLAIMS = new BatchInsert<>("room_slot_claim",
            List.of("room_id", "slot_minute", "booking_id"),
            (values, claim) -> values.add(claim[0]).add(claim[1]).add(claim[2]));

    @Inject
    Tx tx;

    long roomId;
    long bookingId;
    long bookedGrain;

    @BeforeEach
    void aBooking() {
        roomId = api.createRoom(admin, siteId, "Room A", "08:00", "20:00");
        Instant start = at(TODAY, "12:00");
        bookingId = expect(201, api.post("/api/v1/bookings", kiosk,
                Map.of("roomId", roomId, "start", start.toString(), "minutes", 30))).number("id");
        bookedGrain = start.getEpochSecond() / 60;
    }

    List<long[]> claims(long... grains) {
        return LongStream.of(grains).mapToObj(g -> new long[] {roomId, g, bookingId}).toList();
    }

    private long claimsOfTheBooking() {
        return countOf("SELECT count(*) FROM room_slot_claim WHERE booking_id = ?", bookingId);
    }

    @Test
    void rows_put_off_are_written_at_the_commit_all_of_them_and_not_before() {
        long before = claimsOfTheBooking();
        long seenInside = tx.run(() -> {
            CLAIMS.insertBeforeCommit(tx, claims(FREE_GRAIN, FREE_GRAIN + 5));
            CLAIMS.insertBeforeCommit(tx, claims(FREE_GRAIN + 10));
            return tx.jdbcInCallers(connection -> count(connection,
                    "SELECT count(*) FROM room_slot_claim WHERE booking_id = ? AND slot_minute >= ?", bookingId, FREE_GRAIN));
        });
        assertThat(seenInside).as("put off: not in the table before the commit").isZero();
        assertThat(claimsOfTheBooking()).isEqualTo(before + 3);
        assertThat(tx.transactionsWithRowsPutOff()).as("nothing kept for the connection's next transaction").isZero();
    }

    @Test
    void a_put_off_row_that_a_unique_key_refuses_fails_the_commit_and_the_whole_transaction_rolls_back() {
        long before = claimsOfTheBooking();
        assertThatThrownBy(() -> tx.run(() -> {
            CLAIMS.insert(tx, claims(FREE_GRAIN));
            CLAIMS.insertBeforeCommit(tx, claims(FREE_GRAIN + 5));
            CLAIMS.insertBeforeCommit(tx, claims(bookedGrain)); // the booking holds this grain already
            return null;
        })).isInstanceOf(DataAccessException.class).satisfies(e -> assertThat(SqlErrors.isUniqueViolation(e)).isTrue());
        assertThat(claimsOfTheBooking()).as("neither the row written at once nor the ones put off").isEqualTo(before);
        assertThat(tx.transactionsWithRowsPutOff()).as("nothing kept after a failed commit").isZero();
    }

    @Test
    void one_of_many_rows_put_off_that_a_unique_key_refuses_fails_the_commit_and_none_is_written() {
        long before = claimsOfTheBooking();
        long[] grains = LongStream.range(0, BatchInsert.AS_ARRAYS_FROM * 2L).map(i -> FREE_GRAIN + 5 * i).toArray();
        grains[grains.length / 2] = bookedGrain; // the booking holds this grain already
        assertThatThrownBy(() -> tx.run(() -> {
            CLAIMS.insertBeforeCommit(tx, claims(grains));
            return null;
        })).isInstanceOf(DataAccessException.class).satisfies(e -> assertThat(SqlErrors.isUniqueViolation(e)).isTrue());
        assertThat(claimsOfTheBooking()).isEqualTo(before);
        assertThat(tx.transactionsWithRowsPutOff()).isZero();
    }

    @Test
    void rows_put_off_in_a_transaction_that_rolls_back_are_never_written_not_even_by_the_next_one() {
        long before = claimsOfTheBooking();
        assertThatThrownBy(() -> tx.run(() -> {
            CLAIMS.insertBeforeCommit(tx, claims(FREE_GRAIN));
            throw new IllegalStateException("the work fails after putting rows off");
        })).hasMessageContaining("the work fails");
        assertThat(tx.transactionsWithRowsPutOff()).as("nothing kept after a rollback").isZero();
        for (int i = 0; i < 5; i++) { // the pool hands the same connections out again
            int n = i;
            tx.run(() -> {
                CLAIMS.insertBeforeCommit(tx, claims(FREE_GRAIN + 100 + 5L * n));
                return null;
            });
        }
        assertThat(claimsOfTheBooking()).isEqualTo(before + 5);
    }

    @Test
    void after_a_commit_with_rows_put_off_the_next_transaction_on_the_connection_is_its_own() {
        long before = claimsOfTheBooking();
        for (int i = 0; i < 5; i++) { // the pool hands the same connections out again
            long grain = FREE_GRAIN + 10L * i;
            tx.run(() -> {
                CLAIMS.insertBeforeCommit(tx, claims(grain));
                return null;
            });
            assertThatThrownBy(() -> tx.run(() -> {
                CLAIMS.insert(tx, claims(grain + 5));
                throw new IllegalStateException("the next work fails after writing a row");
            })).hasMessageContaining("the next work fails");
            assertThat(claimsOfTheBooking()).as("the committed row stays, the rolled-back one is gone").isEqualTo(before + i + 1);
        }
    }

    @Test
    void more_rows_than_one_statement_may_carry_are_written_too() {
        long before = claimsOfTheBooking();
        long[] grains = LongStream.range(0, 22_000).map(i -> FREE_GRAIN + 5 * i).toArray(); // 66,000 parameters
        tx.run(() -> {
            CLAIMS.insertBeforeCommit(tx, claims(grains));
            return null;
        });
        assertThat(claimsOfTheBooking()).isEqualTo(before + grains.length);
    }

    /** One row of every kind of value a binder adds, and a mark of how it was written. */
    record Probe(String copy, @Nullable Long big, @Nullable Integer small, boolean yes, @Nullable String text, @Nullable Instant at) {
    }

    static final BatchInsert<Probe> PROBES = new BatchInsert<>("put_off_probe", List.of("copy", "big", "small", "yes", "text", "at"),
            (values, p) -> values.add(p.copy()).add(p.big()).add(p.small()).add(p.yes()).add(p.text()).add(p.at()));

    /** Texts an array's literal would garble if the driver quoted them wrongly, and times that round at their 500 nanoseconds. */
    private static List<Probe> probes(String copy, int count) {
        List<String> texts = Arrays.asList("plain", "", "NULL", "null", null, "with \"quotes\"", "back\\slash", "{braces}", "a, b",
                "  spaced  ", "äö ß 日本 عربي", "new\nline", "tab\tend", "'apostrophe'");
        Instant base = Instant.parse("2026-03-29T00:59:59.999999500Z");
        List<Probe> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new Probe(copy, i % 5 == 0 ? null : Long.MIN_VALUE / (i + 1), i % 7 == 0 ? null : Integer.MAX_VALUE - i, i % 2 == 0,
                    texts.get(i % texts.size()), i % 6 == 0 ? null : base.plusNanos(i * 250L).plusSeconds(i * 3_600L)));
        }
        return rows;
    }

    private List<List<Object>> probesWritten(String copy) {
        return tx.read((java.sql.Connection connection) -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT big, small, yes, text, at FROM put_off_probe WHERE copy = ? ORDER BY id")) {
                select.setString(1, copy);
                List<List<Object>> rows = new ArrayList<>();
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        java.time.OffsetDateTime at = result.getObject(5, java.time.OffsetDateTime.class);
                        rows.add(Arrays.asList(result.getObject(1), result.getObject(2), result.getBoolean(3), result.getString(4),
                                at == null ? null : at.toInstant()));
                    }
                }
                return rows;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void many_rows_put_off_are_written_with_every_value_and_in_their_order_as_rows_written_one_by_one() {
        tx.run(() -> tx.jdbcInCallers(connection -> {
            try (var create = connection.createStatement()) {
                create.execute("CREATE TABLE IF NOT EXISTS put_off_probe (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                        + " copy VARCHAR(20) NOT NULL, big BIGINT, small INTEGER, yes BOOLEAN NOT NULL, text VARCHAR(100),"
                        + " at TIMESTAMP WITH TIME ZONE)");
                return null;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }));
        int many = BatchInsert.AS_ARRAYS_FROM * 3;
        long claimsBefore = claimsOfTheBooking();
        tx.run(() -> {
            PROBES.insert(tx, probes("one by one", many));
            PROBES.insert(tx, probes("few, one by one", 3));
        });
        tx.run(() -> {
            CLAIMS.insertBeforeCommit(tx, claims(FREE_GRAIN)); // another insert put off in the same statement
            PROBES.insertBeforeCommit(tx, probes("put off", many));
            PROBES.insertBeforeCommit(tx, probes("few, put off", 3));
        });
        List<List<Object>> oneByOne = probesWritten("one by one");
        assertThat(oneByOne).hasSize(many);
        assertThat(oneByOne.get(1).get(4)).as("rounded to microseconds").isEqualTo(Instant.parse("2026-03-29T02:00:00.000000Z"));
        assertThat(oneByOne).extracting(row -> row.get(3)).contains("NULL", "", null, "with \"quotes\"", "back\\slash");
        assertThat(probesWritten("put off")).as("the same values, in the order of the rows").isEqualTo(oneByOne);
        assertThat(probesWritten("few, put off")).isEqualTo(probesWritten("few, one by one")).hasSize(3);
        assertThat(claimsOfTheBooking()).as("the other insert of the statement").isEqualTo(claimsBefore + 1);
    }

    @Test
    void rows_cannot_be_put_off_outside_a_transaction() {
        long before = claimsOfTheBooking();
        assertThatThrownBy(() -> CLAIMS.insertBeforeCommit(tx, claims(FREE_GRAIN))).isInstanceOf(RuntimeException.class);
        assertThat(claimsOfTheBooking()).isEqualTo(before);
    }

    @Test
    void a_new_booking_with_door_tasks_is_refused_whole_when_its_room_was_taken() {
        long bookings = countOf("SELECT count(*) FROM booking");
        long tasks = countOf("SELECT count(*) FROM door_task");
        expect(409, api.post("/api/v1/bookings", kiosk,
                Map.of("roomId", roomId, "start", at(TODAY, "12:15").toString(), "minutes", 30)));
        assertThat(countOf("SELECT count(*) FROM booking")).isEqualTo(bookings);
        assertThat(countOf("SELECT count(*) FROM door_task")).isEqualTo(tasks);
        assertThat(tasks).as("the first booking's door tasks were written at its commit").isPositive();
    }

    private long countOf(String sql, long... parameters) {
        Long rows = tx.read((java.sql.Connection connection) -> count(connection, sql, parameters));
        return rows;
    }

    static long count(java.sql.Connection connection, String sql, long... parameters) {
        try (PreparedStatement count = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                count.setLong(i + 1, parameters[i]);
            }
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
