package fi.suoja.server.input;

import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

/** Yes or no: only {@code true} and {@code false}, not 1, "yes" or "false". */
@Singleton
final class StrictBoolean extends StrictValue<Boolean> {

    @Override
    Boolean primitiveDefault() {
        return false;
    }

    @Override
    String refusal(JsonNode node) {
        return node.isBoolean() ? null : "give true or false, not " + StrictInteger.WholeNumber.kind(node) + ".";
    }

    @Override
    Boolean read(JsonNode node) {
        return node.getBooleanValue();
    }
}
