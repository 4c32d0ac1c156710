package fi.suoja.server.booking;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;

@JdbcRepository(dialect = Dialect.ANSI)
interface CodeAttemptFailureRepository extends CrudRepository<CodeAttemptFailure, Long> {

    long countByKioskIdAndFailedAtGreaterThan(long kioskId, Instant since);

    @Query("DELETE FROM code_attempt_failure WHERE failed_at < :before")
    int deleteOlderThan(Instant before);
}
