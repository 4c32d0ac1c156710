package fi.suoja.hardware.broker;

import fi.suoja.hardware.Registration;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A broker in the test's memory: delivers each message at once, on the publisher's thread, to every
 * matching subscription of every connection, and keeps retained messages. For adapter tests in
 * the default run, where no real broker is started.
 */
public final class InMemoryBroker {

    private record Subscription(String filter, BrokerConnection.Handler handler) {
    }

    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final Map<String, byte[]> retained = new ConcurrentHashMap<>();

    public BrokerConnection connect() {
        return new BrokerConnection() {
            private final List<Subscription> mine = new CopyOnWriteArrayList<>();

            @Override
            public void publish(String topic, byte[] payload, int qos, boolean retain) {
                if (retain) {
                    if (payload.length == 0) {
                        retained.remove(topic);
                    } else {
                        retained.put(topic, payload.clone());
                    }
                }
                for (Subscription subscription : subscriptions) {
                    if (BrokerConnection.matches(subscription.filter(), topic)) {
                        subscription.handler().arrived(topic, payload.clone(), false);
                    }
                }
            }

            @Override
            public Registration subscribe(String topicFilter, int qos, Handler handler) {
                Subscription subscription = new Subscription(topicFilter, handler);
                subscriptions.add(subscription);
                mine.add(subscription);
                retained.forEach((topic, payload) -> {
                    if (BrokerConnection.matches(topicFilter, topic)) {
                        handler.arrived(topic, payload.clone(), true);
                    }
                });
                return () -> {
                    subscriptions.remove(subscription);
                    mine.remove(subscription);
                };
            }

            @Override
            public void close() {
                subscriptions.removeAll(mine);
            }
        };
    }
}
