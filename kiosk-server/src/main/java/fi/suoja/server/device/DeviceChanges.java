package fi.suoja.server.device;

import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Device changes made by this server instance, for the staff UI's live view. A subscriber that
 * cannot keep up misses changes rather than slowing the fleet down; it can always list again.
 */
@Singleton
class DeviceChanges {

    private final Sinks.Many<Views.DeviceView> sink = Sinks.many().multicast().directBestEffort();

    synchronized void emit(Views.DeviceView view) {
        sink.tryEmitNext(view);
    }

    Flux<Views.DeviceView> stream() {
        return sink.asFlux();
    }
}
