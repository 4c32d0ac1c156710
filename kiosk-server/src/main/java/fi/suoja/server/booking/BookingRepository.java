package fi.suoja.server.booking;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * State changes are conditional updates ({@code WHERE status = expected}): of two instances or
 * two requests racing for the same change, exactly one sees one updated row and goes on.
 */
@JdbcRepository(dialect = Dialect.ANSI)
interface BookingRepository extends CrudRepository<Booking, Long> {

    Optional<Booking> findByCode(String code);

    List<Booking> findByRoomIdInAndStartsAtGreaterThanEqualsAndStartsAtLessThanOrderByStartsAt(
            Collection<Long> roomIds, Instant from, Instant to);

    List<Booking> findByStatusAndStartsAtLessThanEquals(BookingStatus status, Instant before);

    List<Booking> findByStatusAndEndsAtLessThanEquals(BookingStatus status, Instant before);

    @Query("""
            SELECT b.* FROM booking b JOIN room r ON r.id = b.room_id
            WHERE r.site_id = :siteId AND b.anonymised = FALSE AND b.ends_at < :before""")
    List<Booking> findToAnonymise(long siteId, Instant before);

    List<Booking> findByStatusInAndEndsAtGreaterThan(Collection<BookingStatus> statuses, Instant after);

    @Query("""
            SELECT COUNT(*) FROM booking b JOIN room r ON r.id = b.room_id
            WHERE r.site_id = :siteId AND b.card_hash = :cardHash
              AND b.status IN ('CONFIRMED', 'CHECKED_IN') AND b.ends_at > :now""")
    long countActiveForCard(long siteId, String cardHash, Instant now);

    @Query("UPDATE booking SET status = 'CHECKED_IN', checked_in_at = :at WHERE id = :id AND status = 'CONFIRMED'")
    int checkIn(long id, Instant at);

    @Query("UPDATE booking SET status = :to, ends_at = :endsAt, ended_at = :endedAt WHERE id = :id AND status = :from")
    int close(long id, String from, String to, Instant endsAt, Instant endedAt);

    @Query("""
            UPDATE booking SET status = 'CANCELLED', ended_at = :at, cancel_reason = :reason
            WHERE id = :id AND status = 'CONFIRMED'""")
    int cancel(long id, Instant at, @Nullable String reason);

    @Query("UPDATE booking SET ends_at = :newEnd WHERE id = :id AND ends_at = :oldEnd AND status IN ('CONFIRMED', 'CHECKED_IN')")
    int extend(long id, Instant oldEnd, Instant newEnd);

    @Query("""
            UPDATE booking SET code = NULL, door_code = NULL, card_hash = NULL, name_on_door = NULL,
                   cancel_reason = NULL, anonymised = TRUE
            WHERE id = :id AND anonymised = FALSE""")
    int anonymise(long id);
}
