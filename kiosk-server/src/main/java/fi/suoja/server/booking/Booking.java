package fi.suoja.server.booking;

import fi.suoja.server.db.BatchInsert;
import fi.suoja.server.time.TimeRange;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.List;

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

    /** A new booking's row with the id drawn for it before (see {@code IdBlocks}), put off to its commit. */
    static final BatchInsert<Booking> INSERT = new BatchInsert<>("booking", List.of("id", "room_id", "code", "door_code",
            "door_code_from", "starts_at", "ends_at", "status", "card_hash", "name_on_door", "kiosk_id", "created_at",
            "checked_in_at", "ended_at", "cancel_reason", "anonymised", "language"),
            (values, b) -> values.add(b.id()).add(b.roomId()).add(b.code()).add(b.doorCode()).add(b.doorCodeFrom())
                    .add(b.startsAt()).add(b.endsAt()).add(b.status().name()).add(b.cardHash()).add(b.nameOnDoor())
                    .add(b.kioskId()).add(b.createdAt()).add(b.checkedInAt()).add(b.endedAt()).add(b.cancelReason())
                    .add(b.anonymised()).add(b.language()));

    Booking {
        new TimeRange(startsAt, endsAt);
    }

    Booking withId(long newId) {
        return new Booking(newId, roomId, code, doorCode, doorCodeFrom, startsAt, endsAt, status, cardHash, nameOnDoor, kioskId,
                createdAt, checkedInAt, endedAt, cancelReason, anonymised, language);
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
