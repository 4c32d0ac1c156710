package fi.suoja.server.input;

import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.time.LocalDate;

/** A date inside the years Suoja computes with ({@link InputRules#FIRST_DAY} to {@link InputRules#LAST_DAY}). */
@Singleton
final class BoundedDate extends StrictValue<LocalDate> {

    @Override
    String refusal(JsonNode node) {
        return node.isString() ? InputRules.date(node.getStringValue()).refusal() : "give a date as text.";
    }

    @Override
    LocalDate read(JsonNode node) {
        return InputRules.date(node.getStringValue()).value();
    }
}
