package fi.suoja.server.input;

import jakarta.inject.Singleton;

import java.time.LocalTime;

/**
 * A time of day to the minute, as opening hours are kept: "09:00:00.9999999" would be stored,
 * and then break every calculation of that day's free time.
 */
@Singleton
final class MinuteTime extends TextValue<LocalTime> {

    MinuteTime() {
        super(InputRules::minuteTime, "a time like 09:30");
    }
}
