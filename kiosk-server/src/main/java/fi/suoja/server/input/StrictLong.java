package fi.suoja.server.input;

import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.math.BigInteger;

/** Whole numbers (long, ids): a JSON number without fraction or exponent that fits. */
@Singleton
final class StrictLong extends StrictValue<Long> {

    @Override
    Long primitiveDefault() {
        return 0L;
    }

    @Override
    String refusal(JsonNode node) {
        return StrictInteger.WholeNumber.refusal(node, BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE));
    }

    @Override
    Long read(JsonNode node) {
        return StrictInteger.WholeNumber.of(node).longValueExact();
    }
}
