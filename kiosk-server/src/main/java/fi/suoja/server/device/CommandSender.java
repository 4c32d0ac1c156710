package fi.suoja.server.device;

import fi.suoja.hardware.mqtt.Command;
import fi.suoja.hardware.mqtt.CommandSigner;
import fi.suoja.hardware.mqtt.CommandType;
import fi.suoja.hardware.mqtt.DeviceId;
import fi.suoja.hardware.mqtt.Wire;
import fi.suoja.server.broker.DeviceChannel;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Signs commands with the device's own key and publishes them on its command topic. */
@Singleton
class CommandSender {

    private static final Logger LOG = LoggerFactory.getLogger(CommandSender.class);

    private final DeviceChannel channel;
    private final DeviceKeys keys;
    private final FleetConfig config;
    private final Clock clock;

    CommandSender(DeviceChannel channel, DeviceKeys keys, FleetConfig config, Clock clock) {
        this.channel = channel;
        this.keys = keys;
        this.config = config;
        this.clock = clock;
    }

    boolean wipe(Device device, String commandId, String jobId) {
        return send(device, commandId, CommandType.WIPE, Map.of("jobId", jobId));
    }

    boolean startSession(Device device, String commandId, Instant until) {
        return send(device, commandId, CommandType.START_SESSION, Map.of("until", until.toString()));
    }

    boolean warn(Device device, String commandId, long minutesLeft) {
        return send(device, commandId, CommandType.WARN, Map.of("minutesLeft", Long.toString(minutesLeft)));
    }

    /** One WIPE command of {@link #wipeAll}. */
    record Wipe(Device device, String commandId, String jobId) {
    }

    /**
     * Signs the WIPE commands and publishes them together; answers for each, in order, whether the
     * broker took it. A device without an agent or key gets none.
     */
    List<Boolean> wipeAll(List<Wipe> wipes) {
        List<DeviceChannel.Message> messages = new ArrayList<>(wipes.size());
        for (Wipe wipe : wipes) {
            messages.add(signed(wipe.device(), wipe.commandId(), CommandType.WIPE, Map.of("jobId", wipe.jobId())));
        }
        List<DeviceChannel.Message> signed = messages.stream().filter(Objects::nonNull).toList();
        Iterator<Boolean> published = channel.publishAll(signed).iterator();
        List<Boolean> sent = new ArrayList<>(wipes.size());
        for (DeviceChannel.Message message : messages) {
            sent.add(message != null && published.next());
        }
        long out = sent.stream().filter(s -> s).count();
        LOG.info("{} WIPE commands sent together{}", out, out == wipes.size() ? "" : "; " + (wipes.size() - out) + " not sent");
        return sent;
    }

    private boolean send(Device device, String commandId, CommandType type, Map<String, String> params) {
        DeviceChannel.Message message = signed(device, commandId, type, params);
        if (message == null) {
            return false;
        }
        boolean sent = channel.publish(message.topic(), message.payload());
        LOG.info("Device {}: {} {} {}", device.id(), type, commandId, sent ? "sent" : "not sent (broker not reachable)");
        return sent;
    }

    /** The command signed with the device's key, on its topic; null for a device without an agent or key. */
    private DeviceChannel.Message signed(Device device, String commandId, CommandType type, Map<String, String> params) {
        if (!device.kind().hasAgent() || device.keyCipher() == null) {
            return null;
        }
        Instant now = clock.instant();
        DeviceId id = new DeviceId(device.id());
        CommandSigner signer = keys.signer(device);
        Command command = signer.sign(Command.unsigned(commandId, id, type, now, now.plus(config.commandLifetime()), params));
        return new DeviceChannel.Message(channel.topics().commands(id), Wire.encode(command));
    }
}
