package fi.suoja.server.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** One Prometheus scrape of the test server, read into series ({@code name{labels}}) and values. */
public record Scrape(Map<String, Double> series, String text) {

    /** The token the metrics tests configure as {@code suoja.metrics.token}. */
    public static final String TOKEN = "test-metrics-token-0123456789abcdef";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Scrapes as Prometheus would, with the configured token. */
    public static Scrape of(URI server) {
        HttpResponse<String> answer = get(server, "Bearer " + TOKEN);
        if (answer.statusCode() != 200) {
            throw new AssertionError("the scrape failed: " + answer.statusCode() + " " + answer.body());
        }
        Map<String, Double> series = new HashMap<>();
        for (String line : answer.body().split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            series.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return new Scrape(series, answer.body());
    }

    /** {@code GET /prometheus} with this Authorization header (none when null). */
    public static HttpResponse<String> get(URI server, String authorization) {
        // The Accept header Prometheus sends: OpenMetrics preferred, the classic text format accepted.
        HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve("/prometheus")).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/openmetrics-text;version=1.0.0;q=0.5,application/openmetrics-text;"
                        + "version=0.0.1;q=0.4,text/plain;version=0.0.4;q=0.3,*/*;q=0.2");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The value of one series, e.g. {@code suoja_bookings{status="CONFIRMED"}}; fails when it is missing. */
    public double value(String name) {
        Double value = series.get(name);
        if (value == null) {
            throw new AssertionError("no series " + name + " in the scrape:\n" + text);
        }
        return value;
    }

    @Override
    public String toString() {
        return text;
    }
}
