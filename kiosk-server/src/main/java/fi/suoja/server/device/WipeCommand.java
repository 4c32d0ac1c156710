package fi.suoja.server.device;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * One WIPE command the server sent for a job, and when the agent acknowledged it: the proof that
 * a wipe result answers a command of this server, received by the device.
 */
@MappedEntity("wipe_command")
record WipeCommand(
        @Id String id,
        String jobId,
        String deviceId,
        Instant sentAt,
        @Nullable Instant acknowledgedAt) {

    boolean acknowledged() {
        return acknowledgedAt != null;
    }
}
