package fi.suoja.bench.fleet;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each simulated device got its message and sent its answer, noted by the device itself on
 * the benchmark's loop (the same process and clock as the one who sent the message): the wipe's
 * simulated agents when they acknowledge a WIPE, the baseline's echo clients when they echo. No
 * third client has to subscribe to every command and answer to time them, which in a burst put
 * twice the messages through the broker and a Paho client on the same two cores.
 */
final class Answers {

    /** When the message arrived and when the answer was handed to the connection. */
    record Answer(long arrivedAt, long answeredAt) {
    }

    private final Map<String, Answer> byDevice = new ConcurrentHashMap<>();

    /** Notes the first answer of a device since it was last {@link #forget forgotten}; later ones are not noted. */
    void note(String device, long arrivedAt) {
        byDevice.putIfAbsent(device, new Answer(arrivedAt, System.nanoTime()));
    }

    Answer of(String device) {
        return byDevice.get(device);
    }

    void forget(Collection<String> devices) {
        devices.forEach(byDevice::remove);
    }
}
