package fi.suoja.bench.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

/** kiosk-server's REST API as an admin uses it: log in, add a library, register laptops, "wipe now". */
final class ServerApi {

    /** A registered laptop: its id and the agent configuration file the server hands out once. */
    record Registered(String id, String agentConfig) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Reads an answer's body only when it is not 200: a 200 to a wipe of 1,000 is 1,000 views, read for nothing. */
    private static final HttpResponse.BodyHandler<String> BODY_UNLESS_OK = info -> info.statusCode() == 200
            ? HttpResponse.BodySubscribers.replacing(null)
            : HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);

    private final URI base;
    private final HttpClient http;
    private String token;

    ServerApi(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newFixedThreadPool(2, r -> {
                    Thread t = new Thread(r, "bench-http");
                    t.setDaemon(true);
                    return t;
                }))
                .build();
    }

    void login(String username, String password) throws IOException, InterruptedException {
        token = post("/api/v1/auth/login", Map.of("username", username, "password", password), 200).get("token").asText();
    }

    long createSite(String name) throws IOException, InterruptedException {
        return post("/api/v1/sites", Map.of("name", name), 201).get("id").asLong();
    }

    Registered registerLaptop(String tag, long siteId) throws IOException, InterruptedException {
        JsonNode answer = post("/api/v1/devices", Map.of("tag", tag, "kind", "LAPTOP", "siteId", siteId), 201);
        return new Registered(answer.get("device").get("id").asText(), answer.get("agentConfig").asText());
    }

    /** An answer's status, and its body when it is not 200 (a 200's body is not read: 1,000 devices' views). */
    record Reply(int status, String problem) {
    }

    /** Staff's "wipe now" for one device, sent without waiting. */
    CompletableFuture<Reply> wipe(String deviceId) {
        HttpRequest request = request("/api/v1/devices/" + deviceId + "/wipe")
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        return http.sendAsync(request, BODY_UNLESS_OK).thenApply(r -> new Reply(r.statusCode(), r.body()));
    }

    /** Staff's "wipe now" for all these devices in one request, sent without waiting. */
    CompletableFuture<Reply> wipeAll(List<String> deviceIds) {
        try {
            HttpRequest request = request("/api/v1/devices/wipe")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(Map.of("devices", deviceIds)))).build();
            return http.sendAsync(request, BODY_UNLESS_OK).thenApply(r -> new Reply(r.statusCode(), r.body()));
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private JsonNode post(String path, Object body, int expected) throws IOException, InterruptedException {
        HttpRequest request = request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IOException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(120));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }
}
