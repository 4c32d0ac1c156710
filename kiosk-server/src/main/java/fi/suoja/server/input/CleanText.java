package fi.suoja.server.input;

import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

/** Text: a JSON string (not a number or yes/no turned into text) without control characters. */
@Singleton
final class CleanText extends StrictValue<String> {

    @Override
    String refusal(JsonNode node) {
        if (!node.isString()) {
            return "give text, not " + (node.isNumber() ? "a number" : StrictInteger.WholeNumber.kind(node)) + ".";
        }
        return InputRules.controlCharacterIn(node.getStringValue()).orElse(null);
    }

    @Override
    String read(JsonNode node) {
        return node.getStringValue();
    }
}
