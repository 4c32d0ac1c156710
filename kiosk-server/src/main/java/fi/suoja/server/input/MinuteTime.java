package fi.suoja.server.input;

import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.time.LocalTime;

/**
 * A time of day to the minute, as opening hours are kept: "09:00:00.9999999" would be stored,
 * and then break every calculation of that day's free time.
 */
@Singleton
final class MinuteTime extends StrictValue<LocalTime> {

    @Override
    String refusal(JsonNode node) {
        return node.isString() ? InputRules.minuteTime(node.getStringValue()).refusal() : "give a time like 09:30 as text.";
    }

    @Override
    LocalTime read(JsonNode node) {
        return InputRules.minuteTime(node.getStringValue()).value();
    }
}
