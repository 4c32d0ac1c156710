package fi.suoja.server.room;

import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalTime;
import java.util.Objects;

/** Opening and closing clock times of one day, read in the site's time zone. */
@Serdeable
public record DailyHours(LocalTime opens, LocalTime closes) {

    public DailyHours {
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        if (!closes.isAfter(opens)) {
            throw new IllegalArgumentException("a room closes after it opens");
        }
        if (opens.getMinute() % 5 != 0 || closes.getMinute() % 5 != 0 || opens.getSecond() != 0 || closes.getSecond() != 0) {
            throw new IllegalArgumentException("opening hours are on whole five minutes");
        }
    }
}
