package fi.suoja.server.device;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
interface LoanRepository extends CrudRepository<Loan, Long> {

    Optional<Loan> findByDeviceIdAndEndedAtIsNull(String deviceId);

    List<Loan> findByDeviceIdInAndEndedAtIsNull(Collection<String> deviceIds);

    List<Loan> findByBookingIdAndEndedAtIsNull(long bookingId);

    List<Loan> findByEndedAtIsNull();

    /** Open loans whose booking no longer holds its room: a lost booking event is caught up by the sweep. */
    @Query("""
            SELECT l.* FROM loan l JOIN booking b ON b.id = l.booking_id
            WHERE l.ended_at IS NULL AND b.status NOT IN ('CONFIRMED', 'CHECKED_IN')""")
    List<Loan> openOfEndedBookings();

    @Query("SELECT * FROM loan WHERE ended_at IS NULL AND booking_id IS NULL AND due_at <= :now")
    List<Loan> overdueWalkIns(Instant now);

    /** An extension also makes a new warning due. */
    @Query("UPDATE loan SET due_at = :due, warned_at = NULL WHERE booking_id = :bookingId AND ended_at IS NULL")
    int extend(long bookingId, Instant due);

    @Query("SELECT * FROM loan WHERE ended_at IS NULL AND warned_at IS NULL AND due_at > :now AND due_at <= :until")
    List<Loan> toWarn(Instant now, Instant until);

    /** Claims the warning of a loan, so one instance sends it. */
    @Query("UPDATE loan SET warned_at = :at WHERE id = :id AND warned_at IS NULL AND ended_at IS NULL")
    int warned(long id, Instant at);

    /** {@code by}: the staff member who ended it, null when it ended by itself. */
    @Query("UPDATE loan SET ended_at = :at, ended_why = :why, returned_by = :by WHERE id = :id AND ended_at IS NULL")
    int end(long id, Instant at, String why, @Nullable String by);

    /** The device's newest loans first, for its history. */
    @Query("SELECT * FROM loan WHERE device_id = :deviceId ORDER BY started_at DESC, id DESC LIMIT :limit")
    List<Loan> newestOf(String deviceId, int limit);
}
