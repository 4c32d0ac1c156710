package fi.suoja.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Opens the kiosk page once, over this process's own port, the moment it has started: the page,
 * Flow's {@code ?v-r=init} and the first navigation to the kiosk's view, as a kiosk's browser sends
 * them. A UI server that has just started loads Vaadin's classes, the kiosk's screens and their
 * translations at its first page: 2 s where the next page takes 0.1 s. Opened here, that first page
 * is nobody's; the first visitor after a restart meets the page as every later one does.
 *
 * <p>The page it opens is an ordinary kiosk page that nobody looks at: it asks the kiosk server what
 * is free, as any start screen does, and books nothing. Its UI is closed by Vaadin when no heartbeat
 * comes, as for a browser that went away.
 */
public final class WarmUp {

    static final Duration ANSWER_WITHIN = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Whether this process is opening its page to warm up: it is not ready for visitors yet. */
    private static volatile boolean warming;

    private WarmUp() {
    }

    /** Whether kiosk-ui is still warming up as it starts; its {@code /health} says DOWN meanwhile. */
    public static boolean warming() {
        return warming;
    }

    static void warming(boolean now) {
        warming = now;
    }

    /** What a warm-up did: its time, and the kiosk screen the first navigation showed. */
    public record Result(Duration took, String screen) {
    }

    /**
     * Opens the kiosk page at {@code base} (e.g. {@code http://127.0.0.1:8080/}) once.
     *
     * @throws IOException when a step is not answered as a kiosk's browser would need
     */
    public static Result openKioskOnce(URI base) throws IOException, InterruptedException {
        long from = System.nanoTime();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> page = http.send(get(base, "").build(), HttpResponse.BodyHandlers.ofString());
        expectOk(page, "the page");
        String cookie = page.headers().firstValue("Set-Cookie").map(c -> c.split(";", 2)[0])
                .orElseThrow(() -> new IOException("the page set no session cookie"));
        HttpResponse<String> init = http.send(get(base, "?v-r=init&location=&query=").header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
        expectOk(init, "?v-r=init");
        JsonNode config = JSON.readTree(init.body()).path("appConfig");
        JsonNode initial = config.path("uidl");
        String key = initial.path("Vaadin-Security-Key").asText("");
        if (key.isEmpty() || !config.has("v-uiId")) {
            throw new IOException("?v-r=init gave no UI or security key");
        }
        ObjectNode data = JSON.createObjectNode().put("route", "").put("query", "").put("appShellTitle", "")
                .put("trigger", "");
        data.putObject("historyState").put("idx", 0);
        ObjectNode navigate = JSON.createObjectNode().put("type", "event").put("node", 1).put("event", "ui-navigate");
        navigate.set("data", data);
        ObjectNode request = JSON.createObjectNode().put("csrfToken", key);
        request.putArray("rpc").add(navigate);
        request.put("syncId", initial.path("syncId").asInt()).put("clientId", initial.path("clientId").asInt());
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base.resolve("?v-r=uidl&v-uiId=" + config.path("v-uiId").asInt()))
                        .timeout(ANSWER_WITHIN).header("Cookie", cookie)
                        .header("Content-Type", "application/json; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(request.toString(), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        expectOk(answer, "the first navigation");
        return new Result(Duration.ofNanos(System.nanoTime() - from), screen(answer.body()));
    }

    /** The {@code data-screen} the answer puts on the page: the kiosk's screen it shows. */
    static String screen(String body) throws IOException {
        int start = body.indexOf('[');
        if (!body.startsWith("for(;;);") || start < 0) {
            throw new IOException("the first navigation was not answered with a UIDL message");
        }
        JsonNode message = JSON.readTree(body.substring(start)).path(0);
        if (message.path("meta").has("appError") || message.path("meta").has("sessionExpired")) {
            throw new IOException("the first navigation was answered with " + message.path("meta"));
        }
        for (JsonNode change : message.path("changes")) {
            if ("data-screen".equals(change.path("key").asText()) && change.path("value").isTextual()) {
                return change.path("value").asText();
            }
        }
        throw new IOException("the first navigation showed no kiosk screen");
    }

    private static HttpRequest.Builder get(URI base, String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(ANSWER_WITHIN).GET();
    }

    private static void expectOk(HttpResponse<String> response, String what) throws IOException {
        if (response.statusCode() != 200) {
            throw new IOException(what + " was answered with HTTP " + response.statusCode());
        }
    }
}
