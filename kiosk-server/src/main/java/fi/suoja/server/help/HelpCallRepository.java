package fi.suoja.server.help;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI)
interface HelpCallRepository extends CrudRepository<HelpCall, Long> {

    List<HelpCall> findByStatusInOrderByCreatedAt(Collection<HelpCallStatus> statuses);

    List<HelpCall> findByStatusInAndSiteIdOrderByCreatedAt(Collection<HelpCallStatus> statuses, long siteId);
}
