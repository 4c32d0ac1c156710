package fi.suoja.server.room;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI)
interface RoomRepository extends CrudRepository<Room, Long> {

    List<Room> findBySiteIdOrderByName(long siteId);

    boolean existsBySiteIdAndName(long siteId, String name);
}
