package fi.suoja.server;

import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Properties;

/** What the tests' stand-ins for a laptop's agent do as the real agent does: read its settings, publish at QoS 1. */
public final class AgentWire {

    private AgentWire() {
    }

    /** The settings file the server hands the agent, read as the agent reads it. */
    public static Properties settings(String agentConfig) {
        Properties config = new Properties();
        try {
            config.load(new StringReader(agentConfig));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return config;
    }

    public static void publish(MqttClient client, String topic, byte[] payload, boolean retained) {
        try {
            MqttMessage message = new MqttMessage(payload);
            message.setQos(1);
            message.setRetained(retained);
            client.publish(topic, message);
        } catch (MqttException e) {
            throw new IllegalStateException(e);
        }
    }
}
