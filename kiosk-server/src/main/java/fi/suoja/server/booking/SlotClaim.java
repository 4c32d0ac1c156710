package fi.suoja.server.booking;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

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
}
