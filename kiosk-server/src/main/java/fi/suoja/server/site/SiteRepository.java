package fi.suoja.server.site;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
interface SiteRepository extends CrudRepository<Site, Long> {

    List<Site> findAllOrderById();

    Optional<Site> findByName(String name);

    @Query("UPDATE site SET retention_days = :days WHERE id = :id")
    int setRetentionDays(long id, @Nullable Integer days);

    /** Holds a row lock on the site until the transaction ends: serialises per-card limit checks. */
    @Query("SELECT id FROM site WHERE id = :id FOR UPDATE")
    Optional<Long> lock(long id);
}
