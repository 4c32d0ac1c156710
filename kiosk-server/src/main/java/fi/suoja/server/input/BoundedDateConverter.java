package fi.suoja.server.input;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.core.convert.TypeConverter;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Dates in paths and query strings ({@code /exceptions/2026-12-24}, {@code ?date=}) under the
 * same bounds as in bodies; a refused one is a 400 that says why.
 */
@Singleton
final class BoundedDateConverter implements TypeConverter<CharSequence, LocalDate> {

    @Override
    public Optional<LocalDate> convert(CharSequence text, Class<LocalDate> targetType, ConversionContext context) {
        InputRules.Checked<LocalDate> date = InputRules.date(text.toString());
        if (!date.ok()) {
            context.reject(text, new IllegalArgumentException(date.refusal()));
            return Optional.empty();
        }
        return Optional.of(date.value());
    }
}
