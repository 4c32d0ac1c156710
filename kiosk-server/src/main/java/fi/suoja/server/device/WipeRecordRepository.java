package fi.suoja.server.device;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
interface WipeRecordRepository extends CrudRepository<WipeRecord, String> {

    List<WipeRecord> findByDeviceIdOrderByFinishedAtDesc(String deviceId);

    Optional<WipeRecord> findFirstByDeviceIdOrderByFinishedAtDesc(String deviceId);
}
