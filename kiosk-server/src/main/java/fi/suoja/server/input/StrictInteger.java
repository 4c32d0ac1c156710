package fi.suoja.server.input;

import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Whole numbers (int): a JSON number without fraction or exponent that fits. */
@Singleton
final class StrictInteger extends StrictValue<Integer> {

    @Override
    Integer primitiveDefault() {
        return 0;
    }

    @Override
    String refusal(JsonNode node) {
        return WholeNumber.refusal(node, BigInteger.valueOf(Integer.MIN_VALUE), BigInteger.valueOf(Integer.MAX_VALUE));
    }

    @Override
    Integer read(JsonNode node) {
        return WholeNumber.of(node).intValueExact();
    }

    /** Shared by the int and long readers. */
    static final class WholeNumber {

        private WholeNumber() {
        }

        static String refusal(JsonNode node, BigInteger min, BigInteger max) {
            if (!node.isNumber()) {
                return "give a whole number, not " + kind(node) + ".";
            }
            Number number = node.getNumberValue();
            if (!(number instanceof Integer || number instanceof Long || number instanceof BigInteger
                    || number instanceof Short || number instanceof Byte)) {
                return "give a whole number without a fraction.";
            }
            BigInteger value = of(node);
            return value.compareTo(min) < 0 || value.compareTo(max) > 0 ? "the number is too large." : null;
        }

        static BigInteger of(JsonNode node) {
            Number number = node.getNumberValue();
            return number instanceof BigInteger big ? big : new BigDecimal(number.toString()).toBigIntegerExact();
        }

        static String kind(JsonNode node) {
            if (node.isString()) {
                return "text";
            }
            if (node.isBoolean()) {
                return "yes/no";
            }
            if (node.isArray()) {
                return "a list";
            }
            return node.isObject() ? "an object" : "this";
        }
    }
}
