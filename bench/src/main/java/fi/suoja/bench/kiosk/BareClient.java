package fi.suoja.bench.kiosk;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The baseline of a kiosk: the same rhythm (a request every second, a "tap" after each think time)
 * against the same UI server, but each request is the trivial one, a static resource of its own
 * ({@code /kiosk.css}, not cached): one HTTP round trip to the same Jetty, without Vaadin and
 * without kiosk-server. The length of every answer is checked.
 */
final class BareClient implements Visits.Player {

    static final String RESOURCE = "/kiosk.css";

    private final HttpClient http;
    private final HttpRequest request;
    private final Visits visits;
    private final long length;

    BareClient(HttpClient http, URI base, Visits visits, long length) {
        this.http = http;
        this.request = HttpRequest.newBuilder(base.resolve(RESOURCE)).timeout(UidlKiosk.ANSWER_WITHIN)
                .header("Cache-Control", "no-store").GET().build();
        this.visits = visits;
        this.length = length;
    }

    @Override
    public void tap() throws IOException, InterruptedException {
        long started = System.nanoTime();
        fetch();
        visits.record("static", started, (System.nanoTime() - started) / 1e6);
    }

    @Override
    public void poll() throws IOException, InterruptedException {
        long started = System.nanoTime();
        fetch();
        visits.record("poll", started, (System.nanoTime() - started) / 1e6);
    }

    /** The resource's size as the server gives it now, for the checks. */
    static long length(HttpClient http, URI base) throws IOException, InterruptedException {
        HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(base.resolve(RESOURCE)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (answer.statusCode() != 200 || answer.body().length == 0) {
            throw new IllegalStateException("the UI server answers " + answer.statusCode() + " for " + RESOURCE);
        }
        return answer.body().length;
    }

    private void fetch() throws IOException, InterruptedException {
        HttpResponse<byte[]> answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (answer.statusCode() != 200 || answer.body().length != length) {
            throw new IllegalStateException(RESOURCE + " answered " + answer.statusCode() + " with "
                    + answer.body().length + " bytes instead of " + length);
        }
    }
}
