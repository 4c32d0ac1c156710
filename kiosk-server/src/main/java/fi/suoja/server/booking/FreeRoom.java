package fi.suoja.server.booking;

import fi.suoja.server.room.Equipment;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A room that can be booked from {@code start} for up to {@code maxMinutes}. {@code name} and
 * {@code place} are in the library's first language, {@code names} and {@code places} in every
 * language they were written in (see {@link fi.suoja.server.room.RoomTexts}).
 */
@Serdeable
public record FreeRoom(
        long roomId,
        String name,
        String place,
        Map<String, String> names,
        Map<String, String> places,
        int capacity,
        boolean stepFree,
        Set<Equipment> equipment,
        Instant start,
        int maxMinutes) {
}
