package fi.suoja.bench.turnaround;

import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The baseline: a bare MQTT QoS 1 round trip on the benchmark's broker. One Paho client publishes a
 * message as large as a signed WIPE command; a second (an echo, as the agent stands for) takes it
 * and publishes it back; the time is from the publish call to the echo's arrival. That is the
 * least messaging a return needs (server → agent → server), without any work at either end.
 */
final class MqttRoundTrip implements AutoCloseable {

    /** About the size of a signed WIPE command (JSON with ids, times and an HMAC). */
    private static final int PAYLOAD = 420;

    private final String root = "suoja-bench-rtt-" + UUID.randomUUID().toString().substring(0, 8);
    private final BlockingQueue<Long> arrivals = new ArrayBlockingQueue<>(1);
    private final Mqtt pinger;
    private final Mqtt echo;

    MqttRoundTrip(String brokerUrl) {
        pinger = new Mqtt(brokerUrl, root + "-ping", (topic, payload) -> arrivals.offer(System.nanoTime()));
        // the echo answers through itself, so its handler reaches it through this holder
        Mqtt[] self = new Mqtt[1];
        self[0] = new Mqtt(brokerUrl, root + "-echo", (topic, payload) -> self[0].later(() -> self[0].publish(root + "/pong", payload, 1)));
        echo = self[0];
        pinger.subscribe(root + "/pong", 1);
        echo.subscribe(root + "/ping", 1);
    }

    /** One round trip in milliseconds. */
    double once() {
        arrivals.clear();
        byte[] payload = new byte[PAYLOAD];
        java.util.Arrays.fill(payload, (byte) 'x');
        long start = System.nanoTime();
        pinger.publish(root + "/ping", payload, 1);
        try {
            Long back = arrivals.poll(10, TimeUnit.SECONDS);
            if (back == null) {
                throw new IllegalStateException("the echo did not come back within 10 s");
            }
            return (back - start) / 1e6;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The median and the fastest of {@code count} round trips, one after another (ms). */
    record Sample(double median, double fastest) {
    }

    Sample sample(int count) {
        double[] times = new double[count];
        for (int i = 0; i < count; i++) {
            times[i] = once();
        }
        java.util.Arrays.sort(times);
        return new Sample(times[count / 2], times[0]);
    }

    @Override
    public void close() {
        pinger.close();
        echo.close();
    }
}
