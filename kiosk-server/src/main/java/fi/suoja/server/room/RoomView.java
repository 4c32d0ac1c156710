package fi.suoja.server.room;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A room with its hours, as the API shows it. {@code name} and {@code place} are the library's
 * first language's ({@link RoomTexts#FIRST}); {@code names} and {@code places} hold every
 * language's text that was written, the first language's included.
 */
@Serdeable
public record RoomView(
        long id,
        long siteId,
        String name,
        String place,
        Map<String, String> names,
        Map<String, String> places,
        int capacity,
        boolean stepFree,
        Set<Equipment> equipment,
        @Nullable String doorLockId,
        boolean keypad,
        @Nullable String roomSignId,
        boolean active,
        List<WeekdayHours> hours,
        List<OtherDay> exceptions) {

    /** The room without the ids of its lock and sign, for callers that must not address hardware. */
    public RoomView withoutHardwareIds() {
        return new RoomView(id, siteId, name, place, names, places, capacity, stepFree, equipment, null, keypad, null, active, hours, exceptions);
    }

    @Serdeable
    public record WeekdayHours(DayOfWeek weekday, LocalTime opens, LocalTime closes) {
    }

    /** A day with other hours; {@code opens} and {@code closes} are null when the room is closed. */
    @Serdeable
    public record OtherDay(LocalDate date, boolean closed, @Nullable LocalTime opens, @Nullable LocalTime closes,
                           @Nullable String note) {
    }
}
