package fi.suoja.server.room;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI)
interface WeeklyHoursRepository extends CrudRepository<WeeklyHours, Long> {

    List<WeeklyHours> findByRoomIdOrderByWeekday(long roomId);

    @Query("DELETE FROM opening_hours WHERE room_id = :roomId")
    int deleteByRoom(long roomId);
}
