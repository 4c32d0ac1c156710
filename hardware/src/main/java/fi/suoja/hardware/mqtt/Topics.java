package fi.suoja.hardware.mqtt;

import java.util.Optional;

/**
 * The topic tree of the contract, under a configurable root (default {@code suoja/v1}):
 * {@code {root}/devices/{deviceId}/status} (retained, agent → all),
 * {@code .../events} (agent → server) and {@code .../commands} (server → agent, QoS 1).
 */
public final class Topics {

    public static final String DEFAULT_ROOT = "suoja/v1";

    private final String root;

    public Topics(String root) {
        if (root == null || root.isBlank() || root.contains("+") || root.contains("#") || root.endsWith("/")) {
            throw new IllegalArgumentException("a topic root has no wildcards and no trailing slash: " + root);
        }
        this.root = root;
    }

    public static Topics defaults() {
        return new Topics(DEFAULT_ROOT);
    }

    public String root() {
        return root;
    }

    public String status(DeviceId device) {
        return root + "/devices/" + device.value() + "/status";
    }

    public String events(DeviceId device) {
        return root + "/devices/" + device.value() + "/events";
    }

    public String commands(DeviceId device) {
        return root + "/devices/" + device.value() + "/commands";
    }

    /** Every device's status; retained messages make this a full picture on subscribe. */
    public String allStatus() {
        return root + "/devices/+/status";
    }

    public String allEvents() {
        return root + "/devices/+/events";
    }

    /** A shared subscription: each event goes to one server instance of the group. */
    public String sharedEvents(String group) {
        return "$share/" + group + "/" + allEvents();
    }

    /** The device a topic of this tree belongs to. */
    public Optional<DeviceId> deviceOf(String topic) {
        String prefix = root + "/devices/";
        if (!topic.startsWith(prefix)) {
            return Optional.empty();
        }
        String[] rest = topic.substring(prefix.length()).split("/");
        if (rest.length != 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(new DeviceId(rest[0]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
