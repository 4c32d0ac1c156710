package fi.suoja.agent.state;

import fi.suoja.hardware.mqtt.SessionIds;

import java.util.Objects;

/**
 * The agent's session identity: a random epoch, kept on disk, and the connection counter within
 * it. A new epoch starts at the first start, whenever the stored identity is lost or unreadable,
 * and when the counter reaches {@link SessionIds#MAX_SESSION}.
 */
public record AgentSession(String epoch, long counter) {

    public AgentSession {
        Objects.requireNonNull(epoch, "epoch");
        if (!SessionIds.EPOCH.matcher(epoch).matches() || counter < 0 || counter > SessionIds.MAX_SESSION) {
            throw new IllegalArgumentException("not a session identity: " + epoch + " " + counter);
        }
    }
}
