package fi.suoja.server.input;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.core.convert.TypeConverter;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Optional;

/** Instants in query strings ({@code ?from=2026-11-24T00:00:00Z}) under the same bounds as in bodies. */
@Singleton
final class BoundedInstantConverter implements TypeConverter<CharSequence, Instant> {

    @Override
    public Optional<Instant> convert(CharSequence text, Class<Instant> targetType, ConversionContext context) {
        InputRules.Checked<Instant> instant = InputRules.instant(text.toString());
        if (!instant.ok()) {
            context.reject(text, new IllegalArgumentException(instant.refusal()));
            return Optional.empty();
        }
        return Optional.of(instant.value());
    }
}
