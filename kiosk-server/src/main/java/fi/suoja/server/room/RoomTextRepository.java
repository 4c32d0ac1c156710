package fi.suoja.server.room;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI)
interface RoomTextRepository extends CrudRepository<RoomText, Long> {

    List<RoomText> findByRoomId(long roomId);

    @Query("SELECT t.* FROM room_text t JOIN room r ON r.id = t.room_id WHERE r.site_id = :siteId")
    List<RoomText> findBySite(long siteId);

    @Query("DELETE FROM room_text WHERE room_id = :roomId")
    int deleteByRoom(long roomId);
}
