package fi.suoja.server.live;

import io.micronaut.http.sse.Event;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.util.concurrent.Queues;

import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Changes of one kind made by this server instance, emitted after their commit, for the live
 * streams of the desks and kiosks.
 *
 * @param <T> the whole view of the changed thing, so a client never has to ask again
 */
public class LiveChanges<T> {

    /** Changes one slow client may fall behind before its stream is ended (it reconnects and reads the state again). */
    static final int BACKLOG = 256;

    private final Sinks.Many<T> sink = Sinks.many().multicast().directBestEffort();

    /** Called after the change is committed, never inside its transaction. */
    public synchronized void emit(T change) {
        sink.tryEmitNext(change);
    }

    /** Every change from now on. A subscriber that cannot keep up misses changes; it can always list again. */
    public Flux<T> stream() {
        return sink.asFlux();
    }

    /**
     * The state now, as one event, then every change of {@code mine} after it, for a client that must
     * not miss one (a help call acknowledged while its stream was down). Changes are held from before
     * the state is read, so none falls in between; one that comes both in the state and as a change
     * is the same whole view twice. The state is read on a blocking thread. A client that falls
     * {@value #BACKLOG} changes behind gets an error, so it reconnects and reads the state again,
     * rather than a gap.
     */
    public Flux<Event<?>> stateThenChanges(Predicate<T> mine, Supplier<Event<?>> state, Function<T, Event<?>> change) {
        return Flux.defer(() -> {
            Sinks.Many<T> held = Sinks.many().unicast().onBackpressureBuffer(Queues.<T>get(BACKLOG).get());
            // emit() is synchronized, so this runs for one change at a time
            Disposable feed = sink.asFlux().filter(mine).subscribe(next -> {
                if (held.tryEmitNext(next).isFailure()) {
                    held.tryEmitError(new IllegalStateException("the client fell " + BACKLOG + " changes behind"));
                }
            });
            return Mono.fromSupplier(state).subscribeOn(Schedulers.boundedElastic())
                    .flatMapMany(now -> Flux.concat(Mono.just(now), held.asFlux().map(change)))
                    .doFinally(signal -> feed.dispose());
        });
    }
}
