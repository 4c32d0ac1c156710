package fi.suoja.server.input;

import jakarta.inject.Singleton;

import java.time.Instant;

/** An instant inside the years Suoja computes with ({@link InputRules#FIRST_DAY} to {@link InputRules#LAST_DAY}). */
@Singleton
final class BoundedInstant extends TextValue<Instant> {

    BoundedInstant() {
        super(InputRules::instant, "a time like 2026-12-24T10:00:00Z");
    }
}
