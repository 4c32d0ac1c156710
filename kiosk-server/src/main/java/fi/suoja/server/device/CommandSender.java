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
import java.util.Map;

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

    private boolean send(Device device, String commandId, CommandType type, Map<String, String> params) {
        if (!device.kind().hasAgent() || device.keyCipher() == null) {
            return false;
        }
        Instant now = clock.instant();
        DeviceId id = new DeviceId(device.id());
        CommandSigner signer = keys.signer(device);
        Command command = signer.sign(Command.unsigned(commandId, id, type, now, now.plus(config.commandLifetime()), params));
        boolean sent = channel.publish(channel.topics().commands(id), Wire.encode(command));
        LOG.info("Device {}: {} {} {}", device.id(), type, commandId, sent ? "sent" : "not sent (broker not reachable)");
        return sent;
    }
}
