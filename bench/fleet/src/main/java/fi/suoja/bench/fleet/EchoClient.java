package fi.suoja.bench.fleet;

import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;

/**
 * The baseline's device: the same client on the same loop as the simulated agents, but it answers
 * each message on its {@code in} topic by publishing the payload unchanged on its {@code out} topic
 * at QoS 1, with no contract, no signature and no server in between, and notes when it did.
 */
final class EchoClient implements MqttLoop.Handler {

    private final String in;
    private final String out;
    private final String key;
    private final CountDownLatch ready;
    private final Answers answers;
    private MqttLoop.Connection connection;

    EchoClient(String root, int index, CountDownLatch ready, Answers answers) {
        this.in = root + "/" + index + "/in";
        this.out = root + "/" + index + "/out";
        this.key = Integer.toString(index);
        this.ready = ready;
        this.answers = answers;
    }

    static String inTopic(String root, int index) {
        return root + "/" + index + "/in";
    }

    void start(MqttLoop loop, InetSocketAddress broker, String clientId) {
        connection = loop.open(broker, clientId, true, 0, 30, null, this);
    }

    void stop() {
        if (connection != null) {
            connection.disconnect(false);
        }
    }

    @Override
    public void connected(MqttLoop.Connection c, Mqtt5.ConnAck ack) {
        c.subscribe(in, 1);
    }

    @Override
    public void subscribed(MqttLoop.Connection c, int packetId, int reasonCode) {
        if (reasonCode < 0x80) {
            ready.countDown();
        }
    }

    @Override
    public void message(MqttLoop.Connection c, Mqtt5.Publish message) {
        long arrived = c.readAt();
        c.publish(out, message.payload(), 1, false);
        answers.note(key, arrived);
    }

    @Override
    public void closed(MqttLoop.Connection c, String reason) {
        System.err.println("echo client " + c.clientId + " lost: " + reason);
    }
}
