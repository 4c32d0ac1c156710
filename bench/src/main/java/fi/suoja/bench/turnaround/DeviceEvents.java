package fi.suoja.bench.turnaround;

import com.fasterxml.jackson.databind.JsonNode;
import fi.suoja.bench.scene.SuojaApi;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A plain client of the staff desk's device stream ({@code GET /api/v1/devices/events}): every
 * {@code device} event (the device's whole view after a change) with the moment it was whole here.
 * The desk shows a returned laptop as READY when this event comes.
 */
final class DeviceEvents implements AutoCloseable {

    /** A device's view as an event brought it, and when ({@link System#nanoTime()}). */
    record Seen(JsonNode view, long atNanos) {
    }

    private final BlockingQueue<Seen> seen = new LinkedBlockingQueue<>();
    private final HttpResponse<Stream<String>> response;

    DeviceEvents(URI server, String staffToken) {
        try {
            response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.resolve("/api/v1/devices/events"))
                            .header("Accept", "text/event-stream").header("Authorization", "Bearer " + staffToken).GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            throw new IllegalStateException("the device stream could not be opened", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the device stream answered " + response.statusCode());
        }
        Thread reader = new Thread(this::read, "device-events");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        String event = "";
        StringBuilder data = new StringBuilder();
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).strip());
                } else if (line.isEmpty()) {
                    // an event ends with an empty line
                    if (event.equals("device") && !data.isEmpty()) {
                        long at = System.nanoTime();
                        seen.add(new Seen(SuojaApi.JSON.readTree(data.toString()), at));
                    }
                    event = "";
                    data.setLength(0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // closed at the end of the run
        }
    }

    /** Forgets what came so far. */
    void clear() {
        seen.clear();
    }

    /** The first event of this device that matches, waiting up to the limit; fails after it. */
    Seen await(String deviceId, Predicate<JsonNode> matches, long limitMillis, String what) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limitMillis);
        try {
            while (true) {
                long left = end - System.nanoTime();
                Seen next = left <= 0 ? null : seen.poll(left, TimeUnit.NANOSECONDS);
                if (next == null) {
                    throw new IllegalStateException("no device event of " + deviceId + " showed " + what + " within "
                            + limitMillis / 1000 + " s");
                }
                if (deviceId.equals(next.view().path("id").asText()) && matches.test(next.view())) {
                    return next;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (RuntimeException e) {
            // already closed
        }
    }
}
