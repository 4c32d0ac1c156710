package fi.suoja.server.booking;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A wrong booking code typed at a kiosk; counted in the database so all server instances agree. */
@MappedEntity("code_attempt_failure")
record CodeAttemptFailure(
        @Id @GeneratedValue(GeneratedValue.Type.IDENTITY) @Nullable Long id,
        long kioskId,
        Instant failedAt) {
}
