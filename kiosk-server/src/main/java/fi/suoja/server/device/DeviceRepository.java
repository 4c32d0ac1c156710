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

/**
 * Lifecycle changes are conditional updates ({@code WHERE state = expected}): of two requests or
 * instances racing for the same change, exactly one sees one updated row.
 */
@JdbcRepository(dialect = Dialect.ANSI)
interface DeviceRepository extends CrudRepository<Device, String> {

    Optional<Device> findByTag(String tag);

    List<Device> findByIdIn(Collection<String> ids);

    List<Device> findByTagIn(Collection<String> tags);

    Optional<Device> findByBrokerUsername(String brokerUsername);

    boolean existsByTag(String tag);

    List<Device> findAllOrderByTag();

    @Query("""
            UPDATE device SET state = :to, state_reason = :reason, state_changed_at = :at
            WHERE id = :id AND state = :from""")
    int move(String id, String from, String to, @Nullable String reason, Instant at);

    /**
     * Locks the devices' rows until the transaction ends, in the order of their ids, the order in
     * which {@link LastSeenBatch} writes many at once: two writers of many devices then wait for each
     * other instead of deadlocking. (Ids are {@code [a-z]{3}-[a-z0-9]{12}}: Java and any collation
     * sort them alike.) Returns the ids locked.
     */
    @Query("SELECT id FROM device WHERE id IN (:ids) ORDER BY id FOR UPDATE")
    List<String> lockInIdOrder(Collection<String> ids);

    /** {@link #move} for many devices in the same state, for the same reason: how many moved. */
    @Query("""
            UPDATE device SET state = :to, state_reason = :reason, state_changed_at = :at
            WHERE id IN (:ids) AND state = :from""")
    int moveAll(Collection<String> ids, String from, String to, @Nullable String reason, Instant at);

    /**
     * A signed status of the device's current epoch; one of an older connection (a stale Last
     * Will, a smaller counter) changes nothing. An offline status may say the agent is less clean
     * than the server thought, never cleaner: a Last Will carries the state of when it connected.
     */
    @Query("""
            UPDATE device SET online = :online, session_counter = :session, last_seen_at = :at,
                   battery_percent = :battery, free_disk_bytes = :freeDisk, agent_version = :version,
                   os = :os,
                   agent_state = CASE WHEN :online = TRUE OR :agentState IN ('IN_SESSION', 'WIPING', 'DIRTY')
                                      OR agent_state IS NULL THEN :agentState ELSE agent_state END,
                   agent_state_at = CASE WHEN :online = TRUE OR :agentState IN ('IN_SESSION', 'WIPING', 'DIRTY')
                                         OR agent_state IS NULL THEN :at ELSE agent_state_at END
            WHERE id = :id AND agent_epoch = :epoch AND session_counter <= :session""")
    int status(String id, String epoch, boolean online, long session, Instant at, @Nullable Integer battery,
               @Nullable Long freeDisk, @Nullable String version, @Nullable String os, @Nullable String agentState);

    /**
     * A signed status that begins a new epoch (a new or reimaged agent, or one whose state was
     * lost): taken only if the agent dated it no earlier than the first message of the current
     * epoch, so an older epoch cannot come back by replay.
     */
    @Query("""
            UPDATE device SET agent_epoch = :epoch, epoch_started_at = :sentAt, online = :online,
                   session_counter = :session, last_seen_at = :at, battery_percent = :battery,
                   free_disk_bytes = :freeDisk, agent_version = :version, os = :os,
                   agent_state = CASE WHEN :online = TRUE OR :agentState IN ('IN_SESSION', 'WIPING', 'DIRTY')
                                      OR agent_state IS NULL THEN :agentState ELSE agent_state END,
                   agent_state_at = CASE WHEN :online = TRUE OR :agentState IN ('IN_SESSION', 'WIPING', 'DIRTY')
                                         OR agent_state IS NULL THEN :at ELSE agent_state_at END
            WHERE id = :id AND (agent_epoch IS NULL OR agent_epoch <> :epoch)
              AND (epoch_started_at IS NULL OR epoch_started_at <= :sentAt)""")
    int statusOfNewEpoch(String id, String epoch, Instant sentAt, boolean online, long session, Instant at,
                         @Nullable Integer battery, @Nullable Long freeDisk, @Nullable String version,
                         @Nullable String os, @Nullable String agentState);

    /**
     * A signed event of the current epoch. Only an event of a newer connection proves a new
     * connection (online); within one the retained status says whether it is online, since an
     * event may arrive after the status that said goodbye (they travel on different topics).
     */
    @Query("""
            UPDATE device SET online = CASE WHEN session_counter < :session THEN TRUE ELSE online END,
                   session_counter = :session, last_seen_at = :at
            WHERE id = :id AND agent_epoch = :epoch AND session_counter <= :session""")
    int seen(String id, String epoch, long session, Instant at);

    /** A signed event that begins a new epoch, on the terms of {@link #statusOfNewEpoch}; it arrived, so the agent is online. */
    @Query("""
            UPDATE device SET agent_epoch = :epoch, epoch_started_at = :sentAt, online = TRUE,
                   session_counter = :session, last_seen_at = :at
            WHERE id = :id AND (agent_epoch IS NULL OR agent_epoch <> :epoch)
              AND (epoch_started_at IS NULL OR epoch_started_at <= :sentAt)""")
    int seenInNewEpoch(String id, String epoch, Instant sentAt, long session, Instant at);

    @Query("""
            UPDATE device SET refused_messages = refused_messages + 1, last_refusal_kind = :kind, last_refusal = :reason,
                   last_refused_at = :at
            WHERE id = :id""")
    int refused(String id, String kind, String reason, Instant at);

    /** Staff: forget the session identity, so that the next signed message of the agent is heard whatever its epoch. */
    @Query("""
            UPDATE device SET agent_epoch = NULL, epoch_started_at = NULL, session_counter = 0,
                   refused_messages = 0, last_refusal_kind = NULL, last_refusal = NULL, last_refused_at = NULL
            WHERE id = :id""")
    int forgetSession(String id);
}
