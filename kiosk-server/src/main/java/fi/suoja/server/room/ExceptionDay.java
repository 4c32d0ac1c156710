package fi.suoja.server.room;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDate;
import java.time.LocalTime;

/** A day with other hours than usual, or closed when {@code opens} is null (a holiday). */
@MappedEntity("exception_day")
record ExceptionDay(
        @Id @GeneratedValue(GeneratedValue.Type.IDENTITY) @Nullable Long id,
        long roomId,
        LocalDate onDate,
        @Nullable LocalTime opens,
        @Nullable LocalTime closes,
        @Nullable String note) {

    static final int NOTE_MAX = 120;
}
