package fi.suoja.server.device;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
interface WipeRecordRepository extends CrudRepository<WipeRecord, String> {

    List<WipeRecord> findByDeviceIdOrderByFinishedAtDesc(String deviceId);

    /** The device's last report: the last to finish, and of two that finished at the same instant the one with the greater job id. */
    @Query("""
            SELECT * FROM wipe_report WHERE device_id = :deviceId
            ORDER BY finished_at DESC, job_id DESC LIMIT 1""")
    Optional<WipeRecord> findLast(String deviceId);

    /** Each device's last report, as {@link #findLast} finds one. */
    @Query("""
            SELECT r.* FROM wipe_report r
            WHERE r.device_id IN (:deviceIds)
            AND NOT EXISTS (SELECT 1 FROM wipe_report l WHERE l.device_id = r.device_id
                AND (l.finished_at > r.finished_at OR (l.finished_at = r.finished_at AND l.job_id > r.job_id)))""")
    List<WipeRecord> findLastOfEach(Collection<String> deviceIds);
}
