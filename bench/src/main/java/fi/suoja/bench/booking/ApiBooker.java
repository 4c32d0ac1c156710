package fi.suoja.bench.booking;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * A kiosk's request for a room, as the kiosk UI sends it: {@code POST /api/v1/bookings} with the
 * kiosk's token, over a connection of this client's own (HTTP/1.1, kept alive). Anything but 201
 * stops the benchmark: figures with refused bookings in them would mean nothing.
 */
final class ApiBooker implements Booker {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI bookings;
    private final String kioskToken;

    ApiBooker(URI server, String kioskToken) {
        this.bookings = server.resolve("/api/v1/bookings");
        this.kioskToken = kioskToken;
    }

    @Override
    public void book(long roomId, Instant start) throws Exception {
        String body = "{\"roomId\":" + roomId + ",\"start\":\"" + start + "\",\"minutes\":" + Slots.MINUTES
                + ",\"language\":\"fi\"}";
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(bookings)
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + kioskToken)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("booking room " + roomId + " at " + start + " answered "
                    + answer.statusCode() + ": " + answer.body());
        }
    }

    @Override
    public void close() {
        // java.net.http.HttpClient of Java 17 has no close(); its idle connections time out by themselves
    }
}
