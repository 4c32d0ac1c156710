package fi.suoja.server.room;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDate;
import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI)
interface ExceptionDayRepository extends CrudRepository<ExceptionDay, Long> {

    List<ExceptionDay> findByRoomIdOrderByOnDate(long roomId);

    @Query("DELETE FROM exception_day WHERE room_id = :roomId AND on_date = :day")
    int deleteByRoomAndDay(long roomId, LocalDate day);
}
