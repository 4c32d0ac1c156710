package fi.suoja.server.access;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;

@JdbcRepository(dialect = Dialect.ANSI)
interface StaffSessionRepository extends CrudRepository<StaffSession, String> {

    @Query("DELETE FROM staff_session WHERE expires_at <= :now")
    int deleteExpired(Instant now);

    @Query("DELETE FROM staff_session WHERE account_id = :accountId")
    int deleteByAccount(long accountId);
}
