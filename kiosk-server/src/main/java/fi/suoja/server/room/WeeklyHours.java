package fi.suoja.server.room;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalTime;

/** A room's regular hours on one weekday (1 = Monday … 7 = Sunday). A missing weekday is closed. */
@MappedEntity("opening_hours")
record WeeklyHours(
        @Id @GeneratedValue(GeneratedValue.Type.IDENTITY) @Nullable Long id,
        long roomId,
        int weekday,
        LocalTime opens,
        LocalTime closes) {
}
