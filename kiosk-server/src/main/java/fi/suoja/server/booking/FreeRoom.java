package fi.suoja.server.booking;

import fi.suoja.server.room.Equipment;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Set;

/** A room that can be booked right now, from {@code start}, for up to {@code maxMinutes}. */
@Serdeable
public record FreeRoom(
        long roomId,
        String name,
        String place,
        int capacity,
        boolean stepFree,
        Set<Equipment> equipment,
        Instant start,
        int maxMinutes) {
}
