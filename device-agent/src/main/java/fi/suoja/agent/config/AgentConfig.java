package fi.suoja.agent.config;

import fi.suoja.agent.session.SessionSettings;
import fi.suoja.agent.wipe.WipeArea;
import fi.suoja.hardware.mqtt.DeviceId;
import fi.suoja.hardware.mqtt.Topics;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The agent's configuration after every check of {@link ConfigLoader} passed.
 *
 * @param deviceKey the device's own HMAC key for commands (at least 16 bytes)
 * @param keepAlive the MQTT keep-alive: after one and a half times this without a word the broker drops the link
 * @param reconnectCeiling the longest wait between two connection attempts
 * @param allowedClockSkew how far in the future a command's issue time may be
 */
public record AgentConfig(
        DeviceId deviceId,
        String brokerUrl,
        String brokerUsername,
        String brokerPassword,
        byte[] deviceKey,
        Topics topics,
        List<WipeArea> wipeAreas,
        Path stateDir,
        Duration heartbeat,
        Duration keepAlive,
        Duration reconnectCeiling,
        Duration allowedClockSkew,
        SessionSettings session) {

    public AgentConfig {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(brokerUrl, "brokerUrl");
        Objects.requireNonNull(deviceKey, "deviceKey");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(heartbeat, "heartbeat");
        Objects.requireNonNull(keepAlive, "keepAlive");
        Objects.requireNonNull(reconnectCeiling, "reconnectCeiling");
        Objects.requireNonNull(allowedClockSkew, "allowedClockSkew");
        Objects.requireNonNull(session, "session");
        deviceKey = deviceKey.clone();
        wipeAreas = List.copyOf(wipeAreas);
    }

    @Override
    public byte[] deviceKey() {
        return deviceKey.clone();
    }

    /** Never shows the key or the password: this string goes to the log. */
    @Override
    public String toString() {
        return "AgentConfig[device=" + deviceId + ", broker=" + brokerUrl + ", user=" + brokerUsername
                + ", topics=" + topics.root() + ", areas=" + wipeAreas + ", stateDir=" + stateDir
                + ", heartbeat=" + heartbeat + ", keepAlive=" + keepAlive + ", session=" + session + "]";
    }
}
