package fi.suoja.hardware.mqtt;

/**
 * The keys of the agent's configuration file, a Java {@code .properties} file that the server
 * writes once when a device is provisioned. Kept here so that the server that writes the file and
 * the agent that reads it cannot drift apart.
 */
public final class AgentConfigKeys {

    /** The device's id, a {@link DeviceId}. */
    public static final String DEVICE_ID = "device.id";
    /** Where the broker is, e.g. {@code tcp://broker.library.example:1883} or {@code ssl://…:8883}. */
    public static final String BROKER_URL = "broker.url";
    /** The device's own broker user name; the broker's ACL allows it only its own topics. */
    public static final String BROKER_USERNAME = "broker.username";
    public static final String BROKER_PASSWORD = "broker.password";
    /** The device's command-signing key, Base64 (see {@link CommandSigner#ofBase64(String)}). */
    public static final String DEVICE_KEY = "device.key";
    /** The topic root, e.g. {@value Topics#DEFAULT_ROOT} (see {@link Topics}). */
    public static final String TOPIC_ROOT = "topic.root";
    /** The guest areas to wipe: absolute paths separated by commas. */
    public static final String WIPE_AREAS = "wipe.areas";
    /** Where the agent keeps its dirty flag, current job id and done command ids. */
    public static final String STATE_DIR = "state.dir";
    /** Seconds between status messages. */
    public static final String HEARTBEAT_SECONDS = "heartbeat.seconds";
    /** How the agent starts and ends the guest session (for example {@code logind}, or {@code none}). */
    public static final String SESSION_CONTROL = "session.control";

    private AgentConfigKeys() {
    }
}
