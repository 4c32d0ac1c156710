package fi.suoja.server.input;

import io.micronaut.json.tree.JsonNode;

import java.util.function.Function;

/** A value the API takes as text and reads with one of {@link InputRules}' checks (a date, an instant, a time). */
abstract class TextValue<T> extends StrictValue<T> {

    private final Function<String, InputRules.Checked<T>> check;
    private final String example;

    TextValue(Function<String, InputRules.Checked<T>> check, String example) {
        this.check = check;
        this.example = example;
    }

    @Override
    final String refusal(JsonNode node) {
        return node.isString() ? check.apply(node.getStringValue()).refusal() : "give " + example + " as text.";
    }

    @Override
    final T read(JsonNode node) {
        return check.apply(node.getStringValue()).value();
    }
}
