package fi.suoja.bench.kiosk;

import com.fasterxml.jackson.databind.JsonNode;
import fi.suoja.bench.scene.SuojaApi;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One kiosk played over HTTP as its browser talks to kiosk-ui, without a browser: the page, Flow's
 * {@code ?v-r=init}, the first navigation, the push WebSocket the page keeps open, then a poll every
 * second and a visitor's taps as UIDL requests ({@code ?v-r=uidl}). Static resources are not fetched
 * (a kiosk's browser has them cached). Its own cookie, so its own Vaadin session, as a separate
 * touchscreen has; all share one kiosk-ui process and its kiosk token.
 *
 * <p>Every answer is checked: a normal UIDL answer with the next message number, and after a tap
 * the next screen ({@code data-screen} of {@code #screen}) with that screen's marker element new in
 * the answer, so an error page, a resynchronisation or a tap the server ignored fails the run.
 */
final class UidlKiosk implements Visits.Player {

    /** A visitor's tap: the button's id, and the screen and element that must come back. */
    record Step(String button, String screen, String marker, String inScript) {
    }

    /**
     * One visit, looped: a language (the whole screen is drawn again in Swedish), Book, Now (kiosk-ui
     * asks kiosk-server for the free rooms), Back, Start again (language back to Finnish). No room is
     * booked, so every loop finds the same free rooms.
     */
    static final List<Step> PATH = List.of(
            new Step("lang-sv", "start", "book", "\"sv\""),
            new Step("book", "when", "when-now", ""),
            new Step("when-now", "rooms", "room-*", ""),
            new Step("back", "when", "when-now", ""),
            new Step("start-again", "start", "book", "\"fi\""));
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);
    /** Atmosphere's client as kiosk-ui serves it (VAADIN/static/push/vaadinPush-min.js). */
    private static final String ATMOSPHERE = "4.0.1-javascript";

    private final String name;
    private final HttpClient http;
    private final URI base;
    private final Visits visits;
    private final AtomicInteger pushes;
    private String cookie;
    private int uiId;
    private Uidl uidl;
    private WebSocket push;
    private int next;

    UidlKiosk(String name, HttpClient http, URI base, Visits visits, AtomicInteger pushes) {
        this.name = name;
        this.http = http;
        this.base = base;
        this.visits = visits;
        this.pushes = pushes;
    }

    /**
     * Opens the kiosk page as its browser does (the page, init, first navigation; then the push
     * WebSocket) and answers the milliseconds until the start screen's answer was in.
     */
    double open(boolean withPush) throws IOException, InterruptedException {
        long started = System.nanoTime();
        HttpResponse<String> page = http.send(get("/").build(), HttpResponse.BodyHandlers.ofString());
        expect(page, "the kiosk page");
        cookie = page.headers().firstValue("Set-Cookie").map(c -> c.split(";", 2)[0])
                .orElseThrow(() -> new IllegalStateException("the kiosk page set no session cookie"));
        if (!page.body().contains("VAADIN/build/indexhtml")) {
            throw new IllegalStateException("not Vaadin's bootstrap page: " + Uidl.abbreviate(page.body()));
        }
        HttpResponse<String> init = http.send(get("/?v-r=init&location=&query=").build(), HttpResponse.BodyHandlers.ofString());
        expect(init, "?v-r=init");
        JsonNode config = SuojaApi.JSON.readTree(init.body()).path("appConfig");
        uiId = config.path("v-uiId").asInt(-1);
        uidl = new Uidl(config.path("uidl"));
        Uidl.Answer first = uidl.answer(uidl(uidl.navigate()));
        double ms = (System.nanoTime() - started) / 1e6;
        if (!first.screen().equals("start") || !first.shows("book")) {
            throw new IllegalStateException(name + ": the first navigation showed screen '" + first.screen() + "' without #book");
        }
        if (withPush) {
            openPush(Uidl.text(config.path("uidl"), "Vaadin-Push-ID"));
        }
        return ms;
    }

    @Override
    public void tap() throws IOException, InterruptedException {
        Step step = PATH.get(next);
        String request;
        synchronized (this) {
            request = uidl.click(step.button());
        }
        long started = System.nanoTime();
        String body = uidl(request);
        double ms = (System.nanoTime() - started) / 1e6;
        Uidl.Answer answer;
        synchronized (this) {
            answer = uidl.answer(body);
        }
        if (!answer.screen().equals(step.screen()) || !answer.shows(step.marker())
                || !answer.execute().toString().contains(step.inScript())) {
            throw new IllegalStateException("tap " + step.button() + " led to screen '" + answer.screen() + "' without "
                    + step.marker() + (step.inScript().isEmpty() ? "" : " or " + step.inScript() + " in its scripts"));
        }
        visits.record(step.button(), started, ms);
        next = (next + 1) % PATH.size();
    }

    @Override
    public void poll() throws IOException, InterruptedException {
        String request;
        synchronized (this) {
            request = uidl.poll();
        }
        long started = System.nanoTime();
        String body = uidl(request);
        double ms = (System.nanoTime() - started) / 1e6;
        synchronized (this) {
            uidl.answer(body);
        }
        visits.record("poll", started, ms);
    }

    /** Closes the push connection, as a browser does when the page goes. */
    void close() {
        if (push != null) {
            push.abort();
        }
    }

    private String uidl(String request) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base.resolve("/?v-r=uidl&v-uiId=" + uiId))
                        .timeout(ANSWER_WITHIN).header("Cookie", cookie)
                        .header("Content-Type", "application/json; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(request, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        expect(answer, "a UIDL request");
        return answer.body();
    }

    private HttpRequest.Builder get(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(ANSWER_WITHIN).GET();
        return cookie == null ? request : request.header("Cookie", cookie);
    }

    private void expect(HttpResponse<String> answer, String what) {
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(name + ": " + what + " answered " + answer.statusCode() + ": "
                    + Uidl.abbreviate(answer.body()));
        }
    }

    /** The page's push connection: Atmosphere over a WebSocket, as vaadinPush.js opens it. */
    private void openPush(String pushId) throws InterruptedException {
        URI uri = URI.create("ws://" + base.getHost() + ":" + base.getPort() + "/VAADIN/push?v-r=push&v-uiId=" + uiId
                + "&v-pushId=" + pushId + "&X-Atmosphere-tracking-id=0&X-Atmosphere-Framework=" + ATMOSPHERE
                + "&X-Atmosphere-Transport=websocket&X-Atmosphere-TrackMessageSize=true"
                + "&Content-Type=application/json;%20charset=UTF-8&X-atmo-protocol=true");
        try {
            push = http.newWebSocketBuilder().header("Cookie", cookie).connectTimeout(ANSWER_WITHIN)
                    .buildAsync(uri, new PushListener()).get(ANSWER_WITHIN.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(name + ": the push WebSocket did not open: " + e.getMessage(), e);
        }
    }

    /**
     * Reads what the server pushes: Atmosphere's own messages (its tracking id, heartbeats) are
     * dropped; a UIDL message, which the kiosk's path never causes, is applied and counted.
     */
    private final class PushListener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                int start = message.indexOf('{');
                if (message.contains("\"changes\"") && start >= 0) {
                    pushes.incrementAndGet();
                    try {
                        JsonNode pushed = SuojaApi.JSON.readTree(message.substring(start, message.lastIndexOf('}') + 1));
                        synchronized (UidlKiosk.this) {
                            uidl.pushed(pushed);
                        }
                    } catch (IOException e) {
                        System.err.println(name + ": unreadable push " + Uidl.abbreviate(message));
                    }
                }
            }
            socket.request(1);
            return null;
        }
    }
}
