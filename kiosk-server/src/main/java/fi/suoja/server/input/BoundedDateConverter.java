package fi.suoja.server.input;

import jakarta.inject.Singleton;

import java.time.LocalDate;

/** Dates in query strings ({@code ?date=2026-12-24}); paths read theirs with {@link InputRules#pathDate}. */
@Singleton
final class BoundedDateConverter extends BoundedConverter<LocalDate> {

    BoundedDateConverter() {
        super(InputRules::date);
    }
}
