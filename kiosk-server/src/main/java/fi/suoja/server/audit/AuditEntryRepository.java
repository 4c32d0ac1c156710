package fi.suoja.server.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI)
interface AuditEntryRepository extends CrudRepository<AuditEntry, Long> {

    /** Newest first; {@code actor} and {@code action} null for any. One row more than asked tells whether more follow. */
    @Query("""
            SELECT * FROM audit_entry
            WHERE done_at >= :from AND done_at < :to
              AND (CAST(:actor AS VARCHAR(60)) IS NULL OR actor = :actor)
              AND (CAST(:action AS VARCHAR(40)) IS NULL OR action = :action)
            ORDER BY done_at DESC, id DESC
            LIMIT :limit OFFSET :offset""")
    List<AuditEntry> find(Instant from, Instant to, @Nullable String actor, @Nullable String action, int limit, long offset);

    /** What was done to one target, of these actions, newest first. */
    @Query("""
            SELECT * FROM audit_entry
            WHERE target_kind = :targetKind AND target_id = :targetId AND action IN (:actions)
            ORDER BY done_at DESC, id DESC
            LIMIT :limit""")
    List<AuditEntry> about(String targetKind, String targetId, List<String> actions, int limit);

    @Query("UPDATE audit_entry SET booking_id = NULL WHERE booking_id = :bookingId")
    int forgetBooking(long bookingId);
}
