package fi.suoja.server.device;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;

@JdbcRepository(dialect = Dialect.ANSI)
interface WipeCommandRepository extends CrudRepository<WipeCommand, String> {

    /** The agent's ACK; only the first counts, and only on the device the command was sent to. */
    @Query("UPDATE wipe_command SET acknowledged_at = :at WHERE id = :id AND device_id = :deviceId AND acknowledged_at IS NULL")
    int acknowledge(String id, String deviceId, Instant at);
}
