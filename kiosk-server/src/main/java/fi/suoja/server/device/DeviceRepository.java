package fi.suoja.server.device;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Lifecycle changes are conditional updates ({@code WHERE state = expected}): of two requests or
 * instances racing for the same change, exactly one sees one updated row.
 */
@JdbcRepository(dialect = Dialect.ANSI)
interface DeviceRepository extends CrudRepository<Device, String> {

    Optional<Device> findByTag(String tag);

    boolean existsByTag(String tag);

    List<Device> findAllOrderByTag();

    @Query("""
            UPDATE device SET state = :to, state_reason = :reason, state_changed_at = :at
            WHERE id = :id AND state = :from""")
    int move(String id, String from, String to, @Nullable String reason, Instant at);

    /** The agent's status; a status of an older connection (a stale Last Will) changes nothing. */
    @Query("""
            UPDATE device SET online = :online, session_counter = :session, last_seen_at = :at,
                   battery_percent = :battery, free_disk_bytes = :freeDisk, agent_version = :version,
                   os = :os, agent_state = :agentState
            WHERE id = :id AND session_counter <= :session""")
    int status(String id, boolean online, long session, Instant at, @Nullable Integer battery, @Nullable Long freeDisk,
               @Nullable String version, @Nullable String os, @Nullable String agentState);

    /**
     * An event from the agent. Only an event of a newer session proves a new connection (online);
     * within a session the retained status says whether it is online, since an event may arrive
     * after the status that said goodbye (they travel on different topics).
     */
    @Query("""
            UPDATE device SET online = CASE WHEN session_counter < :session THEN TRUE ELSE online END,
                   session_counter = :session, last_seen_at = :at
            WHERE id = :id AND session_counter <= :session""")
    int seen(String id, long session, Instant at);
}
