package fi.suoja.server.input;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.core.convert.TypeConverter;

import java.util.Optional;
import java.util.function.Function;

/** Values in paths and query strings under the same checks as in bodies; a refused one is a 400 that says why. */
abstract class BoundedConverter<T> implements TypeConverter<CharSequence, T> {

    private final Function<String, InputRules.Checked<T>> check;

    BoundedConverter(Function<String, InputRules.Checked<T>> check) {
        this.check = check;
    }

    @Override
    public final Optional<T> convert(CharSequence text, Class<T> targetType, ConversionContext context) {
        InputRules.Checked<T> checked = check.apply(text.toString());
        if (!checked.ok()) {
            context.reject(text, new IllegalArgumentException(checked.refusal()));
            return Optional.empty();
        }
        return Optional.of(checked.value());
    }
}
