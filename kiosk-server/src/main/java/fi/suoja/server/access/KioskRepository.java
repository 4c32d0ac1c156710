package fi.suoja.server.access;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
interface KioskRepository extends CrudRepository<Kiosk, Long> {

    Optional<Kiosk> findByTokenHash(String tokenHash);

    List<Kiosk> findAllOrderById();

    @io.micronaut.data.annotation.Query("SELECT COUNT(*) FROM site WHERE id = :siteId")
    long countSites(long siteId);
}
