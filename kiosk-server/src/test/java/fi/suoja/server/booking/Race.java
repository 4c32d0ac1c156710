package fi.suoja.server.booking;

import fi.suoja.server.Api;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Many clients asking at the same moment for bookings that all overlap one another, spread over
 * one or more server instances. Counts who won and checks the database afterwards.
 */
final class Race {

    record Result(int clients, int created, int conflicts, List<String> other, long millis) {
        @Override
        public String toString() {
            return clients + " clients: " + created + " created, " + conflicts + " got 409, other " + other + ", in " + millis + " ms";
        }
    }

    private Race() {
    }

    /**
     * Every request covers 12:00–12:15 of {@code day}, with different starts and lengths, so every
     * pair overlaps and exactly one may win.
     */
    static Result run(List<Api> servers, List<String> tokens, long roomId, Instant twelve, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Answer>> answers = new ArrayList<>();
        int[][] shapes = {{-30, 45}, {-15, 30}, {0, 15}, {0, 60}, {-45, 60}, {-15, 120}};
        for (int i = 0; i < clients; i++) {
            Api api = servers.get(i % servers.size());
            String token = tokens.get(i % tokens.size());
            int[] shape = shapes[i % shapes.length];
            Map<String, Object> body = Map.of("roomId", roomId,
                    "start", twelve.plusSeconds(shape[0] * 60L).toString(), "minutes", shape[1]);
            answers.add(pool.submit(() -> {
                start.await();
                return api.post("/api/v1/bookings", token, body);
            }));
        }
        long began = System.nanoTime();
        start.countDown();
        int created = 0;
        int conflicts = 0;
        List<String> other = new ArrayList<>();
        for (Future<Api.Answer> f : answers) {
            Api.Answer answer = f.get();
            if (answer.status() == 201) {
                created++;
            } else if (answer.status() == 409 && "urn:suoja:problem:room-taken".equals(answer.problem())) {
                conflicts++;
            } else {
                other.add(answer.toString());
            }
        }
        long millis = (System.nanoTime() - began) / 1_000_000;
        pool.shutdown();
        return new Result(clients, created, conflicts, other, millis);
    }

    /** Pairs of bookings of the room that still hold it and overlap: must always be zero. */
    static int overlapsInDatabase(DataSource dataSource, long roomId) throws SQLException {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             ResultSet rs = c.createStatement().executeQuery("""
                     SELECT COUNT(*) FROM booking a JOIN booking b
                       ON a.room_id = b.room_id AND a.id < b.id
                      AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at
                     WHERE a.room_id = %d
                       AND a.status IN ('CONFIRMED', 'CHECKED_IN') AND b.status IN ('CONFIRMED', 'CHECKED_IN')
                     """.formatted(roomId))) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static int bookingsInDatabase(DataSource dataSource, long roomId) throws SQLException {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM booking WHERE room_id = " + roomId)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
