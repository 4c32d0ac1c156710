package fi.suoja.server.device;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI)
interface WipeRecordRepository extends CrudRepository<WipeRecord, String> {

    List<WipeRecord> findByDeviceIdOrderByFinishedAtDesc(String deviceId);
}
