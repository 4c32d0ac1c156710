package fi.suoja.server.input;

import fi.suoja.server.problem.RefusedValue;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;

import java.io.IOException;

/**
 * A value of the request body read from the JSON token as sent, not converted from whatever came:
 * the built-in readers take {@code true}, {@code [1]} and {@code 1.5} as the number 1.
 */
abstract class StrictValue<T> implements Deserializer<T> {

    @Override
    public final T deserialize(Decoder decoder, DecoderContext context, Argument<? super T> type) throws IOException {
        JsonNode node = decoder.decodeNode();
        String refusal = node.isNull() ? null : refusal(node);
        if (node.isNull() || refusal != null) {
            throw new RefusedValue("Field " + fieldName(type) + ": " + (refusal == null ? "a value is needed." : refusal));
        }
        return read(node);
    }

    @Override
    public final T deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super T> type) throws IOException {
        if (decoder.decodeNull()) {
            return null;
        }
        return deserialize(decoder, context, type);
    }

    /** A field left out keeps Java's default where it is a primitive ({@code false}, 0), as the built-in readers do. */
    @Override
    public final T getDefaultValue(DecoderContext context, Argument<? super T> type) {
        return type.isPrimitive() ? primitiveDefault() : null;
    }

    /** The value of a primitive field that was left out. */
    T primitiveDefault() {
        return null;
    }

    /** Why the node is not a value of this type, or null when it is. */
    abstract String refusal(JsonNode node);

    /** The value of a node that {@link #refusal} let through. */
    abstract T read(JsonNode node);

    private static String fieldName(Argument<?> type) {
        return type.getName() == null || type.getName().isEmpty() ? "value" : "'" + type.getName() + "'";
    }
}
