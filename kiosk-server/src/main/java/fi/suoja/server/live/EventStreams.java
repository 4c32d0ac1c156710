package fi.suoja.server.live;

import io.micronaut.http.sse.Event;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import java.time.Duration;

/** The frame every server-sent event stream of the API shares. */
public final class EventStreams {

    private static final Duration KEEP_ALIVE = Duration.ofSeconds(20);

    private EventStreams() {
    }

    /**
     * A {@code hello} event first (the client knows the stream is open), then {@code events}, with a
     * {@code ping} every 20 s so that proxies keep the stream open.
     */
    public static Publisher<Event<?>> framed(Flux<Event<?>> events) {
        Flux<Event<?>> keepAlive = Flux.interval(KEEP_ALIVE).map(tick -> Event.of((Object) "ping").name("ping"));
        return Flux.merge(Flux.just(Event.of((Object) "connected").name("hello")), events, keepAlive);
    }
}
