package fi.suoja.server;

import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A real client of one of the server's {@code text/event-stream} endpoints, for tests: it reads
 * the stream on a thread of its own and keeps every event (but pings) for the test to wait for.
 */
public final class EventStreamClient implements AutoCloseable {

    /** One server-sent event; {@code data} parsed as JSON. */
    public record Received(String name, Object data) {
    }

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final Thread reader;

    private EventStreamClient(HttpResponse<Stream<String>> response, JsonMapper json) {
        this.response = response;
        this.reader = new Thread(() -> read(json), "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream and waits for its {@code hello}; fails when the server answers anything but 200. */
    public static EventStreamClient open(URI base, String path, String token, JsonMapper json) {
        try {
            HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(request(base, path, token).build(),
                    HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                String body = String.join("\n", response.body().toList());
                throw new AssertionError(path + " answered " + response.statusCode() + ": " + body);
            }
            EventStreamClient client = new EventStreamClient(response, json);
            client.next("the hello", event -> event.name().equals("hello"));
            return client;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The answer to a request for the stream that the server is expected to refuse (status, problem+json). */
    public static Api.Answer refused(URI base, String path, String token, JsonMapper json) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request(base, path, token)
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            Object body = contentType.contains("json") ? json.readValue(response.body(), Object.class) : null;
            return new Api.Answer(response.statusCode(), contentType, response.body(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.Builder request(URI base, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Accept", "text/event-stream");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    /** Waits up to 10 s for the next event that matches, dropping those before it. */
    public Received next(String what, Predicate<Received> wanted) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try {
            while (true) {
                long left = end - System.nanoTime();
                Received event = received.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
                if (event == null) {
                    throw new AssertionError("no event came in 10 s: " + what);
                }
                if (wanted.test(event)) {
                    return event;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every event that has come and not been taken yet, after waiting {@code quiet} for more. */
    public List<Received> drain(Duration quiet) {
        List<Received> events = new ArrayList<>();
        try {
            Received event;
            while ((event = received.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                events.add(event);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return events;
    }

    private void read(JsonMapper json) {
        String name = "message";
        StringBuilder data = new StringBuilder();
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (!name.equals("ping")) {
                        received.add(new Received(name, parse(json, data.toString())));
                    }
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).stripLeading());
                }
            }
        } catch (RuntimeException e) {
            // the stream ended: closed by the test, or by the server (then next() says what did not come)
        }
    }

    private static Object parse(JsonMapper json, String data) {
        try {
            return json.readValue(data, Object.class);
        } catch (IOException e) {
            return data;
        }
    }

    @Override
    public void close() {
        response.body().close();
        reader.interrupt();
    }
}
