package fi.suoja.server.input;

import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.time.Instant;

/** A instant inside the years Suoja computes with ({@link InputRules#FIRST_DAY} to {@link InputRules#LAST_DAY}). */
@Singleton
final class BoundedInstant extends StrictValue<Instant> {

    @Override
    String refusal(JsonNode node) {
        return node.isString() ? InputRules.instant(node.getStringValue()).refusal() : "give a instant as text.";
    }

    @Override
    Instant read(JsonNode node) {
        return InputRules.instant(node.getStringValue()).value();
    }
}
