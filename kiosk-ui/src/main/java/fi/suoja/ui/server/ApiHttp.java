package fi.suoja.ui.server;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One JSON request to kiosk-server and its answer, for the kiosk's and the staff desk's clients,
 * which differ only in what an answer that is not a success means to them.
 */
final class ApiHttp {

    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final String PROBLEM_PREFIX = "urn:suoja:problem:";

    /** The header in which a staff desk names itself to the server, for its audit log. */
    static final String DESK_HEADER = "X-Suoja-Desk";

    private final URI base;
    private final HttpClient http;
    private final String desk;

    ApiHttp(URI base) {
        this(base, null);
    }

    /** {@code desk}: how the server's audit log names the desk the requests come from; null for none. */
    ApiHttp(URI base, String desk) {
        this.base = base;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        this.desk = desk;
    }

    URI base() {
        return base;
    }

    HttpClient client() {
        return http;
    }

    /** What the server answered to one request. */
    record Answer(String request, int status, JsonNode body, String raw) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** A problem+json answer of our server, as opposed to a proxy's page or nothing at all. */
        boolean isProblem() {
            return body.path("type").asText("").startsWith(PROBLEM_PREFIX);
        }

        ServerUnreachable unreachable() {
            return new ServerUnreachable(request + " answered " + status + ": " + raw, null);
        }

        ServerProblem problem() {
            return new ServerProblem(status, body.path("type").asText("").substring(PROBLEM_PREFIX.length()),
                    ApiHttp.text(body.path("rule")), body.path("detail").asText(""), ApiHttp.text(body.path("state")),
                    ApiHttp.text(body.path("reason")));
        }
    }

    /** Sends one request; a network failure is {@link ServerUnreachable}, any HTTP answer is returned. */
    Answer exchange(String method, String path, String token, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (desk != null) {
            request.header(DESK_HEADER, desk);
        }
        String what = method + " " + path;
        HttpResponse<String> response;
        try {
            if (body == null) {
                request.method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("") : HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ServerUnreachable(what + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerUnreachable(what + " was interrupted", e);
        }
        return new Answer(what, response.statusCode(), parse(response.body()), response.body());
    }

    /** Opens an event stream at {@code path}, handing the data of each named event to its handler, until it is closed. */
    ServerEvents follow(String path, String token, Map<String, Consumer<String>> handlers) {
        ServerEvents events = new ServerEvents(http, HttpRequest.newBuilder(base.resolve(path))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token)
                .GET().build(), handlers);
        events.open();
        return events;
    }

    static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }

    static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    static Instant instant(JsonNode node) {
        String text = text(node);
        return text == null ? null : Instant.parse(text);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
