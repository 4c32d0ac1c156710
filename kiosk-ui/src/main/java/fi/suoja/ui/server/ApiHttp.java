package fi.suoja.ui.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
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
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One JSON request to kiosk-server and its answer, for the kiosk's and the staff desk's clients,
 * which differ only in what an answer that is not a success means to them.
 */
final class ApiHttp {

    /**
     * Binds the server's answers to this package's records. A property the UI does not know is
     * passed over (a newer server may add some), an enum constant it does not know becomes that
     * enum's {@code UNKNOWN} where it has one, and a whole number the server leaves out fails
     * rather than turning into 0. {@code WireContractTest} checks every record and enum against the
     * server's OpenAPI document, so that a renamed property or a new constant fails the build.
     */
    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE, true)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
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
    record Answer(String request, int status, String raw) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The answer as {@code type}; an answer that does not fit is a server the UI cannot talk to. */
        <T> T as(Class<T> type) {
            return read(JSON.constructType(type));
        }

        /** The answer as a list of {@code type}. */
        <T> List<T> listOf(Class<T> type) {
            return read(JSON.getTypeFactory().constructCollectionType(List.class, type));
        }

        private <T> T read(JavaType type) {
            try {
                return JSON.readValue(raw, type);
            } catch (JsonProcessingException e) {
                throw new ServerUnreachable(request + " answered what this UI cannot read: " + unreadable(e), e);
            }
        }

        /** A problem+json answer of our server, as opposed to a proxy's page or nothing at all. */
        boolean isProblem() {
            Problem problem = problemBody();
            return problem != null && problem.type() != null && problem.type().startsWith(PROBLEM_PREFIX);
        }

        ServerUnreachable unreachable() {
            return new ServerUnreachable(request + " answered " + status + ": " + raw, null);
        }

        ServerProblem problem() {
            Problem problem = problemBody();
            return new ServerProblem(status, problem.type().substring(PROBLEM_PREFIX.length()), problem.rule(),
                    problem.detail() == null ? "" : problem.detail(), problem.state(), problem.reason());
        }

        private Problem problemBody() {
            return parse(raw, Problem.class);
        }
    }

    /**
     * A problem+json answer: {@code rule} for a broken booking rule, {@code state} and {@code reason}
     * of the thing refused (a device that is not ready).
     */
    record Problem(String type, String detail, String rule, String state, String reason) {
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
        return new Answer(what, response.statusCode(), response.body() == null ? "" : response.body());
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

    /** {@code body} as {@code type}, or null when it is empty or not that (a proxy's page, say). */
    static <T> T parse(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readValue(body, type);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The data of a server-sent event as {@code type}; data that does not fit is an error the stream logs. */
    static <T> T event(String data, Class<T> type) {
        try {
            return JSON.readValue(data, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("An event this UI cannot read: " + unreadable(e), e);
        }
    }

    /** The data of a server-sent event as a list of {@code type}. */
    static <T> List<T> events(String data, Class<T> type) {
        try {
            return JSON.readValue(data, JSON.getTypeFactory().constructCollectionType(List.class, type));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("An event this UI cannot read: " + unreadable(e), e);
        }
    }

    /** What did not fit, and where: Jackson's message without the body, which may hold a token. */
    private static String unreadable(JsonProcessingException e) {
        return e.getOriginalMessage() + (e instanceof JsonMappingException m ? " at " + m.getPathReference() : "");
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
