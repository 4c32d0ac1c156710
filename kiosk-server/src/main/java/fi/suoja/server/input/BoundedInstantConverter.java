package fi.suoja.server.input;

import jakarta.inject.Singleton;

import java.time.Instant;

/** Instants in query strings ({@code ?from=2026-11-24T00:00:00Z}). */
@Singleton
final class BoundedInstantConverter extends BoundedConverter<Instant> {

    BoundedInstantConverter() {
        super(InputRules::instant);
    }
}
