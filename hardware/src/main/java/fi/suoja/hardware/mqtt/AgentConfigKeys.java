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
    /**
     * A guest area to wipe, one key per area: {@code wipe.area.<name>=/absolute/path}, with an
     * optional clean copy {@code wipe.area.<name>.template=/path}. Names are small letters, digits,
     * {@code _} and {@code -}.
     */
    public static final String WIPE_AREA_PREFIX = "wipe.area.";
    public static final String TEMPLATE_SUFFIX = ".template";
    /** Where the agent keeps its dirty flag, current job id and done command ids. */
    public static final String STATE_DIR = "state.dir";
    /** Seconds between status messages. */
    public static final String HEARTBEAT_SECONDS = "heartbeat.seconds";
    /**
     * Seconds of silence after which the broker drops the agent's connection (MQTT keep-alive;
     * the broker waits one and a half times this). Short on flaky networks, long on metered ones.
     */
    public static final String KEEPALIVE_SECONDS = "keepalive.seconds";
    /** Longest wait between two connection attempts, in seconds. */
    public static final String RECONNECT_MAX_SECONDS = "reconnect.max.seconds";
    /** How far in the future a command's issue time may be, in seconds. */
    public static final String COMMAND_CLOCK_SKEW_SECONDS = "command.clock.skew.seconds";
    /** How the agent controls the guest session: {@code linux}, {@code command} or {@code simulated}. */
    public static final String SESSION_KIND = "session.kind";
    /** With {@code linux}: the guest's user name. */
    public static final String SESSION_LINUX_USER = "session.linux.user";
    /** With {@code linux}: where loginctl is. */
    public static final String SESSION_LINUX_LOGINCTL = "session.linux.loginctl";
    /** With {@code command}: the command lines; {@code {until}} and {@code {minutes}} are filled in. */
    public static final String SESSION_COMMAND_START = "session.command.start";
    public static final String SESSION_COMMAND_WARN = "session.command.warn";
    public static final String SESSION_COMMAND_END = "session.command.end";
    public static final String SESSION_COMMAND_LOCK = "session.command.lock";
    /** How long a session command may run, in seconds. */
    public static final String SESSION_TIMEOUT_SECONDS = "session.timeout.seconds";

    private AgentConfigKeys() {
    }
}
