package fi.suoja.server.help;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Help calls. Every change is a conditional update on the status the caller expects, so that two
 * people (or a person and the expiry job, on any instance) acting at once never undo each other:
 * the one that finds the call changed gets 0 and changes nothing.
 */
@JdbcRepository(dialect = Dialect.ANSI)
interface HelpCallRepository extends CrudRepository<HelpCall, Long> {

    List<HelpCall> findByStatusInOrderByCreatedAt(Collection<HelpCallStatus> statuses);

    List<HelpCall> findByStatusInAndSiteIdOrderByCreatedAt(Collection<HelpCallStatus> statuses, long siteId);

    List<HelpCall> findByKioskIdAndCreatedAtGreaterThanEqualsOrderByCreatedAt(long kioskId, Instant since);

    List<HelpCall> findByKioskIdAndStatusInOrderByCreatedAt(long kioskId, Collection<HelpCallStatus> statuses);

    @Query("UPDATE help_call SET status = 'ACKNOWLEDGED', acknowledged_at = :at, acknowledged_by = :by WHERE id = :id AND status = 'OPEN'")
    int acknowledge(long id, Instant at, String by);

    /** Done by staff; a call resolved without an acknowledgement counts as acknowledged then, by the same person. */
    @Query("""
            UPDATE help_call SET status = 'RESOLVED', resolved_at = :at, resolved_by = :by,
                   acknowledged_at = COALESCE(acknowledged_at, :at), acknowledged_by = COALESCE(acknowledged_by, :by)
            WHERE id = :id AND status IN ('OPEN', 'ACKNOWLEDGED')""")
    int resolve(long id, Instant at, String by);

    /** Closed by the visitor, whether or not someone was already on the way. */
    @Query("UPDATE help_call SET status = 'CANCELLED', resolved_at = :at WHERE id = :id AND status IN ('OPEN', 'ACKNOWLEDGED')")
    int cancel(long id, Instant at);

    /** Closed by the server; {@code from} is the status the job read, so a call acknowledged meanwhile stays open. */
    @Query("UPDATE help_call SET status = 'EXPIRED', resolved_at = :at WHERE id = :id AND status = :from")
    int expire(long id, String from, Instant at);
}
