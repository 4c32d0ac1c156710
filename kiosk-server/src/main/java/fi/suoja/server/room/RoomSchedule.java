package fi.suoja.server.room;

import fi.suoja.server.time.TimeRange;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;

/**
 * When a room is open. Clock times become instants through the site's zone for that very date,
 * so a day when daylight saving time starts is an hour shorter and the day it ends an hour longer.
 *
 * @param exceptions per date: the other hours, or empty when closed that day
 */
public record RoomSchedule(ZoneId zone, Map<DayOfWeek, DailyHours> weekly, Map<LocalDate, Optional<DailyHours>> exceptions) {

    public RoomSchedule {
        weekly = Map.copyOf(weekly);
        exceptions = Map.copyOf(exceptions);
    }

    public Optional<DailyHours> hoursOn(LocalDate day) {
        Optional<DailyHours> exception = exceptions.get(day);
        if (exception != null) {
            return exception;
        }
        return Optional.ofNullable(weekly.get(day.getDayOfWeek()));
    }

    /** The instants the room is open on a local date, if it opens that day at all. */
    public Optional<TimeRange> openWindow(LocalDate day) {
        return hoursOn(day).map(hours -> new TimeRange(
                ZonedDateTime.of(day, hours.opens(), zone).toInstant(),
                ZonedDateTime.of(day, hours.closes(), zone).toInstant()));
    }
}
