package fi.suoja.server.broker;

import fi.suoja.hardware.mqtt.Topics;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Used when MQTT is switched off: nothing is sent, everything stays queued in the database. */
@Singleton
@Requires(property = "suoja.mqtt.enabled", value = "false")
class OfflineChannel implements DeviceChannel {

    private static final Logger LOG = LoggerFactory.getLogger(OfflineChannel.class);

    private final Topics topics;
    private final String agentUrl;

    OfflineChannel(MqttConfig config) {
        this.topics = new Topics(config.topicRoot());
        this.agentUrl = config.agentUrl() == null || config.agentUrl().isBlank() ? config.url() : config.agentUrl();
    }

    @Override
    public String agentBrokerUrl() {
        return agentUrl;
    }

    @Override
    public Topics topics() {
        return topics;
    }

    @Override
    public boolean publish(String topic, byte[] payload) {
        LOG.debug("MQTT is switched off (suoja.mqtt.enabled=false); not sending to {}", topic);
        return false;
    }

    @Override
    public boolean connected() {
        return false;
    }
}
