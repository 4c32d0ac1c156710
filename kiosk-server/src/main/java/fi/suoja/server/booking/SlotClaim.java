package fi.suoja.server.booking;

import fi.suoja.server.db.BatchInsert;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.util.List;

/**
 * One five-minute grain of one room, taken by one booking. See {@code V2__create_bookings.sql}:
 * the unique key on (room, grain) is what makes overlapping bookings impossible.
 */
@MappedEntity("room_slot_claim")
record SlotClaim(
        @Id @GeneratedValue(GeneratedValue.Type.IDENTITY) @Nullable Long id,
        long roomId,
        long slotMinute,
        long bookingId) {

    /** Claims written as one batch: a booking's claims are never read back by id. */
    static final BatchInsert<SlotClaim> INSERT = new BatchInsert<>("room_slot_claim", List.of("room_id", "slot_minute", "booking_id"),
            (values, claim) -> values.add(claim.roomId()).add(claim.slotMinute()).add(claim.bookingId()));
}
