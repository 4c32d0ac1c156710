package fi.suoja.server.throttle;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
interface AttemptThrottleRepository extends CrudRepository<AttemptThrottle, String> {

    /** Holds the row until the transaction ends, so that instances take turns one after another. */
    @Query("SELECT * FROM attempt_throttle WHERE scope = :scope FOR UPDATE")
    Optional<AttemptThrottle> lock(String scope);

    @Query("UPDATE attempt_throttle SET failures = failures - 1 WHERE scope = :scope AND failures > 0 AND window_start = :windowStart")
    int giveBack(String scope, Instant windowStart);

    @Query("DELETE FROM attempt_throttle WHERE window_start < :before AND next_slot < :before")
    int deleteOlderThan(Instant before);
}
