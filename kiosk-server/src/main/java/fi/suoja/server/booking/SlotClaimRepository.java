package fi.suoja.server.booking;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI)
interface SlotClaimRepository extends CrudRepository<SlotClaim, Long> {

    List<SlotClaim> findByBookingId(long bookingId);

    List<SlotClaim> findByRoomIdAndSlotMinuteGreaterThanEqualsAndSlotMinuteLessThan(long roomId, long from, long to);

    @Query("DELETE FROM room_slot_claim WHERE booking_id = :bookingId AND slot_minute >= :fromMinute")
    int releaseFrom(long bookingId, long fromMinute);

    @Query("DELETE FROM room_slot_claim WHERE booking_id = :bookingId")
    int releaseAll(long bookingId);

    @Query("DELETE FROM room_slot_claim WHERE slot_minute < :beforeMinute")
    int deleteBefore(long beforeMinute);
}
