package fi.suoja.server.booking;

import fi.suoja.server.room.Equipment;
import fi.suoja.server.time.TimeRange;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When one room can be booked on one day. {@code name} and {@code place} are in the library's first
 * language, {@code names} and {@code places} in every language they were written in.
 *
 * @param open   the opening hours that day, or null when closed
 * @param free   ranges a booking may lie in (already shortened by the buffer the next booking needs)
 * @param starts the start times offered for a booking of the asked length
 */
@Serdeable
public record RoomAvailability(
        long roomId,
        String name,
        String place,
        Map<String, String> names,
        Map<String, String> places,
        int capacity,
        boolean stepFree,
        Set<Equipment> equipment,
        @Nullable TimeRange open,
        List<TimeRange> free,
        List<Instant> starts) {
}
