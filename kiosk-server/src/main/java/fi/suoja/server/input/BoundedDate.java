package fi.suoja.server.input;

import jakarta.inject.Singleton;

import java.time.LocalDate;

/** A date inside the years Suoja computes with ({@link InputRules#FIRST_DAY} to {@link InputRules#LAST_DAY}). */
@Singleton
final class BoundedDate extends TextValue<LocalDate> {

    BoundedDate() {
        super(InputRules::date, "a date like 2026-12-24");
    }
}
