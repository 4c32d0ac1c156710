package fi.suoja.server.door;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI)
interface StaffAlertRepository extends CrudRepository<StaffAlert, Long> {

    /** A library's open alerts and those that concern every library. */
    @Query("""
            SELECT * FROM staff_alert WHERE (site_id = :siteId OR site_id IS NULL) AND acknowledged_at IS NULL
            ORDER BY raised_at""")
    List<StaffAlert> openOfSite(long siteId);

    List<StaffAlert> findByAcknowledgedAtIsNullOrderByRaisedAt();

    @Query("UPDATE staff_alert SET acknowledged_at = :at, acknowledged_by = :by WHERE id = :id AND acknowledged_at IS NULL")
    int acknowledge(long id, Instant at, String by);
}
