package fi.suoja.agent.config;

import fi.suoja.hardware.mqtt.AgentConfigKeys;

import fi.suoja.agent.session.SessionSettings;
import fi.suoja.agent.wipe.WipeArea;
import fi.suoja.hardware.mqtt.DeviceId;
import fi.suoja.hardware.mqtt.Topics;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the agent's one configuration file (Java properties, UTF-8) and checks all of it, so that
 * an administrator sees every problem at once. Settings:
 * <pre>
 * device.id=laptop-7
 * device.key=BASE64 (at least 16 bytes)
 * broker.url=ssl://mqtt.example.org:8883
 * broker.username=laptop-7          (optional)
 * broker.password=...               (optional)
 * topic.root=suoja/v1               (optional)
 * state.dir=/var/lib/suoja-agent
 * heartbeat.seconds=60              (optional)
 * keepalive.seconds=30              (optional: MQTT keep-alive)
 * reconnect.max.seconds=120         (optional: ceiling of the back-off)
 * command.clock.skew.seconds=120    (optional)
 * wipe.area.home=/home/guest
 * wipe.area.home.template=/usr/local/share/suoja/guest-home   (optional clean copy)
 * session.kind=linux | command | simulated
 * session.linux.user=guest          session.linux.loginctl=/usr/bin/loginctl (optional)
 * session.command.start=... {until}  .warn=... {minutes}  .end=...  .lock=...
 * session.timeout.seconds=30        (optional: per session command)
 * </pre>
 */
public final class ConfigLoader {

    private static final Pattern AREA_KEY = Pattern.compile("wipe\\.area\\.([a-z0-9][a-z0-9_-]{0,31})(\\.template)?");
    private static final Set<String> KNOWN = Set.of(
            AgentConfigKeys.DEVICE_ID, AgentConfigKeys.DEVICE_KEY, AgentConfigKeys.BROKER_URL,
            AgentConfigKeys.BROKER_USERNAME, AgentConfigKeys.BROKER_PASSWORD, AgentConfigKeys.TOPIC_ROOT,
            AgentConfigKeys.STATE_DIR, AgentConfigKeys.HEARTBEAT_SECONDS, AgentConfigKeys.KEEPALIVE_SECONDS,
            AgentConfigKeys.RECONNECT_MAX_SECONDS,
            AgentConfigKeys.COMMAND_CLOCK_SKEW_SECONDS, AgentConfigKeys.SESSION_KIND, AgentConfigKeys.SESSION_LINUX_USER,
            AgentConfigKeys.SESSION_LINUX_LOGINCTL, AgentConfigKeys.SESSION_COMMAND_START,
            AgentConfigKeys.SESSION_COMMAND_WARN, AgentConfigKeys.SESSION_COMMAND_END,
            AgentConfigKeys.SESSION_COMMAND_LOCK, AgentConfigKeys.SESSION_TIMEOUT_SECONDS);

    private ConfigLoader() {
    }

    /**
     * @param file     the configuration file
     * @param agentJar the running jar, so that no wipe area can hold it; null when not run from a jar
     */
    public static AgentConfig load(Path file, Path agentJar) throws ConfigException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException(List.of("cannot read the configuration file " + file + ": " + e.getMessage()));
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : new TreeSet<>(properties.stringPropertyNames())) {
            values.put(name, properties.getProperty(name).strip());
        }
        return check(values, file, agentJar);
    }

    static AgentConfig check(Map<String, String> values, Path file, Path agentJar) throws ConfigException {
        List<String> problems = new ArrayList<>();
        for (String key : values.keySet()) {
            if (!KNOWN.contains(key) && !AREA_KEY.matcher(key).matches()) {
                problems.add(key + " is not a setting the agent knows; check the spelling");
            }
        }

        DeviceId deviceId = null;
        String id = required(values, AgentConfigKeys.DEVICE_ID, problems);
        if (id != null) {
            try {
                deviceId = new DeviceId(id);
            } catch (IllegalArgumentException e) {
                problems.add("device.id = " + id + ": " + e.getMessage().replace(": " + id, ""));
            }
        }

        byte[] key = null;
        String keyText = required(values, AgentConfigKeys.DEVICE_KEY, problems);
        if (keyText != null) {
            try {
                key = Base64.getDecoder().decode(keyText);
                if (key.length < 16) {
                    problems.add("device.key has " + key.length + " bytes; a device key has at least 16");
                }
            } catch (IllegalArgumentException e) {
                problems.add("device.key is not base64");
            }
        }

        String brokerUrl = required(values, AgentConfigKeys.BROKER_URL, problems);
        if (brokerUrl != null && !brokerUrl.matches("(tcp|ssl|ws|wss)://[^/\\s]+(:\\d{1,5})?(/.*)?")) {
            problems.add("broker.url = " + brokerUrl + ": use tcp://, ssl://, ws:// or wss:// with a host, "
                    + "e.g. ssl://mqtt.example.org:8883");
        }

        Topics topics = null;
        String root = values.getOrDefault(AgentConfigKeys.TOPIC_ROOT, Topics.DEFAULT_ROOT);
        try {
            topics = new Topics(root);
        } catch (IllegalArgumentException e) {
            problems.add("topic.root = " + root + ": " + e.getMessage().replace(": " + root, ""));
        }

        Duration heartbeat = seconds(values, AgentConfigKeys.HEARTBEAT_SECONDS, 60, 1, 86_400, problems);
        Duration keepAlive = seconds(values, AgentConfigKeys.KEEPALIVE_SECONDS, 30, 1, 3_600, problems);
        Duration reconnectCeiling = seconds(values, AgentConfigKeys.RECONNECT_MAX_SECONDS, 120, 1, 3_600, problems);
        Duration skew = seconds(values, AgentConfigKeys.COMMAND_CLOCK_SKEW_SECONDS, 120, 0, 86_400, problems);
        Duration sessionTimeout = seconds(values, AgentConfigKeys.SESSION_TIMEOUT_SECONDS, 30, 1, 600, problems);

        Path stateDir = null;
        String stateText = required(values, AgentConfigKeys.STATE_DIR, problems);
        if (stateText != null) {
            try {
                stateDir = Path.of(stateText);
                if (!stateDir.isAbsolute()) {
                    problems.add("state.dir = " + stateText + ": must be an absolute path");
                    stateDir = null;
                } else if (Files.exists(stateDir) && !Files.isDirectory(stateDir)) {
                    problems.add("state.dir = " + stateText + ": is not a directory");
                }
            } catch (InvalidPathException e) {
                problems.add("state.dir = " + stateText + ": not a valid path (" + e.getReason() + ")");
            }
        }

        SessionSettings session = session(values, sessionTimeout, problems);

        Map<String, Path> ownFiles = new LinkedHashMap<>();
        if (stateDir != null) {
            ownFiles.put("state directory", stateDir);
        }
        ownFiles.put("configuration file", file.toAbsolutePath());
        if (agentJar != null) {
            ownFiles.put("program", agentJar.toAbsolutePath());
        }
        List<WipeArea> areas = new WipeAreaRules(ownFiles).check(areaCandidates(values), problems);
        if (areas.isEmpty() && areaCandidates(values).isEmpty()) {
            problems.add("no wipe area is configured; add e.g. wipe.area.home=/home/guest");
        }

        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new AgentConfig(deviceId, brokerUrl, values.get(AgentConfigKeys.BROKER_USERNAME), values.get(AgentConfigKeys.BROKER_PASSWORD),
                key, topics, areas, stateDir, heartbeat, keepAlive, reconnectCeiling, skew, session);
    }

    private static List<WipeAreaRules.Candidate> areaCandidates(Map<String, String> values) {
        List<WipeAreaRules.Candidate> candidates = new ArrayList<>();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            Matcher matcher = AREA_KEY.matcher(entry.getKey());
            if (matcher.matches() && matcher.group(2) == null) {
                String name = matcher.group(1);
                candidates.add(new WipeAreaRules.Candidate(name, entry.getValue(),
                        values.get(AgentConfigKeys.WIPE_AREA_PREFIX + name + AgentConfigKeys.TEMPLATE_SUFFIX)));
            }
        }
        return candidates;
    }

    private static SessionSettings session(Map<String, String> values, Duration timeout, List<String> problems) {
        String kind = required(values, AgentConfigKeys.SESSION_KIND, problems);
        if (kind == null) {
            return null;
        }
        switch (kind) {
            case "simulated":
                return new SessionSettings.Simulated();
            case "linux": {
                String user = required(values, AgentConfigKeys.SESSION_LINUX_USER, problems);
                if (user != null && !user.matches("[a-z_][a-z0-9_-]{0,31}")) {
                    problems.add("session.linux.user = " + user + ": not a valid user name");
                }
                String loginctl = values.getOrDefault(AgentConfigKeys.SESSION_LINUX_LOGINCTL, "/usr/bin/loginctl");
                return user == null || timeout == null ? null : new SessionSettings.Linux(user, loginctl, timeout);
            }
            case "command": {
                List<List<String>> lines = new ArrayList<>();
                for (String step : List.of("start", "warn", "end", "lock")) {
                    String line = required(values, "session.command." + step, problems);
                    List<String> command = List.of();
                    if (line != null) {
                        try {
                            command = SessionSettings.commandLine(line);
                        } catch (IllegalArgumentException e) {
                            problems.add("session.command." + step + ": " + e.getMessage());
                        }
                    }
                    lines.add(command);
                }
                if (lines.stream().anyMatch(List::isEmpty) || timeout == null) {
                    return null;
                }
                return new SessionSettings.Commands(lines.get(0), lines.get(1), lines.get(2), lines.get(3), timeout);
            }
            default:
                problems.add("session.kind = " + kind + ": use linux, command or simulated");
                return null;
        }
    }

    private static String required(Map<String, String> values, String key, List<String> problems) {
        String value = values.get(key);
        if (value == null || value.isEmpty()) {
            problems.add(key + " is missing");
            return null;
        }
        return value;
    }

    private static Duration seconds(Map<String, String> values, String key, int fallback, int min, int max,
                                    List<String> problems) {
        String value = values.get(key);
        if (value == null) {
            return Duration.ofSeconds(fallback);
        }
        try {
            int seconds = Integer.parseInt(value);
            if (seconds >= min && seconds <= max) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(key + " = " + value + ": give whole seconds from " + min + " to " + max);
        return null;
    }
}
