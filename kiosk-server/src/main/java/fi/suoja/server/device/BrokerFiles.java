package fi.suoja.server.device;

import fi.suoja.hardware.mqtt.AgentConfigKeys;
import fi.suoja.hardware.mqtt.DeviceId;
import fi.suoja.hardware.mqtt.Topics;
import fi.suoja.server.broker.MosquittoPassword;

import java.time.Instant;
import java.util.List;

/**
 * The text a device's provisioning produces: the agent's configuration file and the Mosquitto
 * password-file line and ACL entries. A device may write only its own status and events and read
 * only its own commands; the server reads all status and events and writes all commands.
 */
final class BrokerFiles {

    private BrokerFiles() {
    }

    record AgentSettings(String brokerUrl, String topicRoot, String wipeAreas, String stateDir, int heartbeatSeconds,
                         String sessionControl) {
    }

    static String agentConfig(Device device, String brokerPassword, String deviceKey, AgentSettings settings, Instant now) {
        return "# Suoja device agent configuration for device " + device.id() + " (tag " + device.tag() + ").\n"
                + "# Written by the server at " + now + " and shown only once. It holds secrets: keep it readable\n"
                + "# by the agent only (chmod 600). Adjust " + AgentConfigKeys.WIPE_AREAS + " to this machine.\n"
                + AgentConfigKeys.DEVICE_ID + "=" + device.id() + "\n"
                + AgentConfigKeys.BROKER_URL + "=" + settings.brokerUrl() + "\n"
                + AgentConfigKeys.BROKER_USERNAME + "=" + device.brokerUsername() + "\n"
                + AgentConfigKeys.BROKER_PASSWORD + "=" + brokerPassword + "\n"
                + AgentConfigKeys.DEVICE_KEY + "=" + deviceKey + "\n"
                + AgentConfigKeys.TOPIC_ROOT + "=" + settings.topicRoot() + "\n"
                + "# Guest areas to wipe after every loan: absolute paths, separated by commas.\n"
                + AgentConfigKeys.WIPE_AREAS + "=" + settings.wipeAreas() + "\n"
                + AgentConfigKeys.STATE_DIR + "=" + settings.stateDir() + "\n"
                + AgentConfigKeys.HEARTBEAT_SECONDS + "=" + settings.heartbeatSeconds() + "\n"
                + AgentConfigKeys.SESSION_CONTROL + "=" + settings.sessionControl() + "\n";
    }

    static String passwordLine(Device device) {
        return MosquittoPassword.line(device.brokerUsername(), device.brokerPasswordHash());
    }

    static List<String> deviceAcl(Device device, Topics topics) {
        DeviceId id = new DeviceId(device.id());
        return List.of(
                "user " + device.brokerUsername(),
                "topic write " + topics.status(id),
                "topic write " + topics.events(id),
                "topic read " + topics.commands(id));
    }

    static List<String> serverAcl(String serverUser, Topics topics) {
        return List.of(
                "user " + serverUser,
                "topic read " + topics.allStatus(),
                "topic read " + topics.allEvents(),
                "topic write " + topics.root() + "/devices/+/commands");
    }
}
