package fi.suoja.ui.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A subscription to one of the server's event streams (device changes for a staff desk, help
 * calls for a desk or a kiosk). The body of the {@code text/event-stream} response is read line by
 * line on the HTTP client's threads; the data of each event goes to the handler of its name, and
 * events without a handler (hello, ping) are passed over. A stream that ends or breaks is opened
 * again after a pause until {@link #close()}; closing twice is harmless.
 */
public final class ServerEvents implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServerEvents.class);
    private static final long RECONNECT_SECONDS = 3;

    private final HttpClient http;
    private final HttpRequest request;
    private final Map<String, Consumer<String>> handlers;
    private volatile boolean closed;
    private volatile Flow.Subscription subscription;
    private volatile boolean live;

    ServerEvents(HttpClient http, HttpRequest request, Map<String, Consumer<String>> handlers) {
        this.http = http;
        this.request = request;
        this.handlers = Map.copyOf(handlers);
    }

    void open() {
        if (closed) {
            return;
        }
        http.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(new Lines()))
                .whenComplete((response, error) -> {
                    if (error != null) {
                        LOG.info("Event stream {} failed: {}", request.uri().getPath(), error.toString());
                    } else if (response.statusCode() == 401) {
                        // the session or kiosk token is over: the desk goes to its login page, the kiosk to its calm screen, at their next call
                        LOG.info("Event stream {}: the token is no longer accepted", request.uri().getPath());
                        closed = true;
                    } else if (response.statusCode() != 200) {
                        LOG.info("Event stream {} answered {}", request.uri().getPath(), response.statusCode());
                    }
                    again();
                });
    }

    /** Whether the stream is open now: the server's greeting or an event came and it has not broken since. */
    public boolean live() {
        return live;
    }

    private void again() {
        live = false;
        if (!closed) {
            CompletableFuture.runAsync(this::open, CompletableFuture.delayedExecutor(RECONNECT_SECONDS, TimeUnit.SECONDS));
        }
    }

    @Override
    public void close() {
        closed = true;
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
    }

    /** Server-sent events: "event:" names the next event, "data:" lines carry it, an empty line ends it. */
    private final class Lines implements Flow.Subscriber<String> {

        private String event = "message";
        private final StringBuilder data = new StringBuilder();

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (closed) {
                s.cancel();
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(String line) {
            if (closed) {
                return;
            }
            live = true;
            if (line.isEmpty()) {
                Consumer<String> handler = handlers.get(event);
                if (handler != null && !data.isEmpty()) {
                    try {
                        handler.accept(data.toString());
                    } catch (RuntimeException e) {
                        LOG.warn("A {} event of {} could not be shown", event, request.uri().getPath(), e);
                    }
                }
                event = "message";
                data.setLength(0);
            } else if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                if (!data.isEmpty()) {
                    data.append('\n');
                }
                data.append(line.substring(5).stripLeading());
            }
        }

        @Override
        public void onError(Throwable error) {
            // reported by the response future, which opens the stream again
        }

        @Override
        public void onComplete() {
            // likewise
        }
    }
}
