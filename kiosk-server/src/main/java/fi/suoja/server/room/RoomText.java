package fi.suoja.server.room;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A room's name and place in one language other than the library's first; either may be missing. */
@MappedEntity("room_text")
record RoomText(
        @Id @GeneratedValue(GeneratedValue.Type.IDENTITY) @Nullable Long id,
        long roomId,
        String language,
        @Nullable String name,
        @Nullable String place) {
}
