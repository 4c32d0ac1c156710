package fi.suoja.server.device;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A device lent for a booking, or to a walk-in when {@code bookingId} is null, until {@code dueAt}.
 * {@code lentBy} and {@code returnedBy} are staff user names; a loan that ended with its booking or
 * its due time has no {@code returnedBy}.
 */
@MappedEntity("loan")
record Loan(
        @Id @GeneratedValue(GeneratedValue.Type.IDENTITY) @Nullable Long id,
        String deviceId,
        @Nullable Long bookingId,
        Instant startedAt,
        Instant dueAt,
        @Nullable Instant endedAt,
        @Nullable LoanEnd endedWhy,
        @Nullable Instant warnedAt,
        @Nullable String lentBy,
        @Nullable String returnedBy) {
}
