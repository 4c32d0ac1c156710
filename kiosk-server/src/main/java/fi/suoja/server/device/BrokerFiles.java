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
                         String sessionKind, String guestUser) {
    }

    /** One {@code wipe.area.<name>=<path>} line per configured area, named after its last folder. */
    static String wipeAreaLines(String commaSeparatedPaths) {
        StringBuilder lines = new StringBuilder();
        java.util.Set<String> names = new java.util.HashSet<>();
        int n = 0;
        for (String path : commaSeparatedPaths.split(",")) {
            String trimmed = path.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            n++;
            String last = trimmed.replaceAll("/+$", "");
            last = last.substring(last.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
            String name = last.matches("[a-z0-9][a-z0-9_-]{0,31}") ? last : "area" + n;
            while (!names.add(name)) {
                name = name.length() > 28 ? "area" + n : name + "-" + n;
            }
            lines.append(AgentConfigKeys.WIPE_AREA_PREFIX).append(name).append('=').append(trimmed).append('\n');
        }
        return lines.toString();
    }

    static String agentConfig(Device device, String brokerPassword, String deviceKey, AgentSettings settings, Instant now) {
        return "# Suoja device agent configuration for device " + device.id() + " (tag " + device.tag() + ").\n"
                + "# Written by the server at " + now + " and shown only once. It holds secrets: keep it readable\n"
                + "# by the agent only (chmod 600). Adjust the wipe areas and the guest user to this machine.\n"
                + AgentConfigKeys.DEVICE_ID + "=" + device.id() + "\n"
                + AgentConfigKeys.BROKER_URL + "=" + settings.brokerUrl() + "\n"
                + AgentConfigKeys.BROKER_USERNAME + "=" + device.brokerUsername() + "\n"
                + AgentConfigKeys.BROKER_PASSWORD + "=" + brokerPassword + "\n"
                + AgentConfigKeys.DEVICE_KEY + "=" + deviceKey + "\n"
                + AgentConfigKeys.TOPIC_ROOT + "=" + settings.topicRoot() + "\n"
                + "# Guest areas: everything inside them is removed after every loan (the folders stay).\n"
                + wipeAreaLines(settings.wipeAreas())
                + AgentConfigKeys.STATE_DIR + "=" + settings.stateDir() + "\n"
                + AgentConfigKeys.HEARTBEAT_SECONDS + "=" + settings.heartbeatSeconds() + "\n"
                + AgentConfigKeys.SESSION_KIND + "=" + settings.sessionKind() + "\n"
                + (settings.sessionKind().equals("linux")
                        ? AgentConfigKeys.SESSION_LINUX_USER + "=" + settings.guestUser() + "\n" : "");
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
