package fi.suoja.server.booking;

import fi.suoja.server.time.TimeRange;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * One room for one time range. Holds no name unless the site allows a "name on the door";
 * a library card is kept only as a keyed hash. After the retention time the code, door code,
 * card hash, name and reason are erased and only what statistics need remains.
 */
@MappedEntity("booking")
record Booking(
        @Id @GeneratedValue(GeneratedValue.Type.IDENTITY) @Nullable Long id,
        long roomId,
        @Nullable String code,
        @Nullable String doorCode,
        @Nullable Instant doorCodeFrom,
        Instant startsAt,
        Instant endsAt,
        BookingStatus status,
        @Nullable String cardHash,
        @Nullable String nameOnDoor,
        @Nullable Long kioskId,
        Instant createdAt,
        @Nullable Instant checkedInAt,
        @Nullable Instant endedAt,
        @Nullable String cancelReason,
        boolean anonymised,
        @Nullable String language) {

    static final int NAME_ON_DOOR_MAX = 60;
    static final int REASON_MAX = 200;
    static final int LANGUAGE_MAX = 8;

    Booking {
        new TimeRange(startsAt, endsAt);
    }

    TimeRange range() {
        return new TimeRange(startsAt, endsAt);
    }

    /** Whether the keypad should open for this code at this instant. */
    boolean doorCodeOpensAt(String typed, Instant at) {
        return doorCode != null && doorCode.equals(typed) && doorCodeLiveAt(at);
    }

    /** Whether the booking's door code opens its room at the instant: the booking keeps its room and the code's window holds it. */
    boolean doorCodeLiveAt(Instant at) {
        return doorCode != null && status.holdsRoom() && !at.isBefore(doorCodeFrom) && at.isBefore(endsAt);
    }
}
