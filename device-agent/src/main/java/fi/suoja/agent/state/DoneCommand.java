package fi.suoja.agent.state;

import fi.suoja.hardware.mqtt.CommandType;
import fi.suoja.hardware.mqtt.WipeReport;

import java.util.Objects;

/**
 * A command the agent has acted on, remembered so that a redelivery is answered, not repeated.
 *
 * @param jobId  the wipe job, for WIPE; else null
 * @param report the wipe's report, for the most recent wipes; else null
 */
public record DoneCommand(String id, CommandType type, String jobId, WipeReport report) {

    public DoneCommand {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
    }

    DoneCommand withoutReport() {
        return new DoneCommand(id, type, jobId, null);
    }
}
