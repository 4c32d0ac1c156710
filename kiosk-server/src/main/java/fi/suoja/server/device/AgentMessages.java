package fi.suoja.server.device;

import fi.suoja.hardware.mqtt.DeviceId;
import fi.suoja.hardware.mqtt.DeviceStatus;
import fi.suoja.hardware.mqtt.Event;
import fi.suoja.hardware.mqtt.Topics;
import fi.suoja.hardware.mqtt.Wire;
import fi.suoja.server.broker.DeviceChannel;
import fi.suoja.server.broker.DeviceMessages;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * The gate for everything agents publish. A message that is malformed, too large (a session
 * counter out of its bounds included), from a topic outside the tree, or whose payload names
 * another device than its topic is refused before it can change anything: logged with the device
 * id, counted, and shown to staff on the topic's device. What passes is checked for the device's
 * signature and session by {@link AgentReports}.
 */
@Singleton
class AgentMessages implements DeviceMessages {

    private static final Logger LOG = LoggerFactory.getLogger(AgentMessages.class);

    private final AgentInbox inbox;
    private final Topics topics;

    AgentMessages(AgentInbox inbox, DeviceChannel channel) {
        this.inbox = inbox;
        this.topics = channel.topics();
    }

    @Override
    public void status(String topic, byte[] payload) {
        read(topic, payload, DeviceStatus.class, DeviceStatus::deviceId).ifPresent(inbox::statusArrived);
    }

    @Override
    public void event(String topic, byte[] payload) {
        read(topic, payload, Event.class, Event::deviceId).ifPresent(inbox::eventArrived);
    }

    private <T> Optional<T> read(String topic, byte[] payload, Class<T> type, java.util.function.Function<T, String> deviceOf) {
        Optional<DeviceId> device = topics.deviceOf(topic);
        if (device.isEmpty()) {
            LOG.warn("Dropping a message on {}: not a device topic", topic);
            return Optional.empty();
        }
        T message;
        try {
            message = Wire.decode(payload, type);
        } catch (Wire.MalformedMessage e) {
            inbox.messageRefused(device.get().value(), RefusalKind.MALFORMED,
                    "An unreadable " + type.getSimpleName() + ": " + e.getMessage());
            return Optional.empty();
        }
        if (!device.get().value().equals(deviceOf.apply(message))) {
            inbox.messageRefused(device.get().value(), RefusalKind.WRONG_DEVICE, "A " + type.getSimpleName()
                    + " on this device's topic naming device " + deviceOf.apply(message) + " (misaddressed or forged).");
            return Optional.empty();
        }
        return Optional.of(message);
    }
}
