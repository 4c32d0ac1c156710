package fi.suoja.server.stats;

import fi.suoja.server.room.RoomSchedule;
import fi.suoja.server.time.TimeRange;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Open and booked time of one room, split by local day and by local hour of the day. Days and
 * hours are cut at the site zone's own midnights and hours, so the day daylight saving time
 * starts has 23 hours (no 03 o'clock in Helsinki) and the day it ends has 25 (03 o'clock twice).
 * Time is summed in seconds and rounded to minutes at the end.
 */
final class Occupancy {

    static final int HOURS = 24;

    private final ZoneId zone;
    private final LocalDate from;
    private final LocalDate to;

    Occupancy(ZoneId zone, LocalDate from, LocalDate to) {
        this.zone = zone;
        this.from = from;
        this.to = to;
    }

    /** Per day: open minutes, minutes held by bookings in that day, and the booked part of the open time. */
    List<Statistics.RoomDay> days(long roomId, String room, RoomSchedule schedule, List<TimeRange> held) {
        List<Statistics.RoomDay> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            TimeRange whole = new TimeRange(start(day), start(day.plusDays(1)));
            Optional<TimeRange> open = schedule.openWindow(day);
            long openSeconds = open.map(o -> o.length().toSeconds()).orElse(0L);
            long bookedSeconds = overlap(held, whole);
            long bookedOpenSeconds = open.map(o -> overlap(held, o)).orElse(0L);
            days.add(new Statistics.RoomDay(roomId, room, day, minutes(openSeconds), minutes(bookedSeconds),
                    percent(bookedOpenSeconds, openSeconds)));
        }
        return days;
    }

    /** Per hour of the day 0–23, summed over the range: open minutes and the booked part of them. */
    List<Statistics.RoomHour> hours(long roomId, String room, RoomSchedule schedule, List<TimeRange> held) {
        long[] open = new long[HOURS];
        long[] booked = new long[HOURS];
        walkOpenHours(schedule, held, (day, hour, openSeconds, bookedSeconds) -> {
            open[hour] += openSeconds;
            booked[hour] += bookedSeconds;
        });
        List<Statistics.RoomHour> hours = new ArrayList<>();
        for (int hour = 0; hour < HOURS; hour++) {
            hours.add(new Statistics.RoomHour(roomId, room, hour, minutes(open[hour]), minutes(booked[hour]),
                    percent(booked[hour], open[hour])));
        }
        return hours;
    }

    /** Adds one room's open and booked seconds to the sums per weekday (0 is Monday) and hour of the day. */
    void addWeekHours(RoomSchedule schedule, List<TimeRange> held, long[][] open, long[][] booked) {
        walkOpenHours(schedule, held, (day, hour, openSeconds, bookedSeconds) -> {
            int weekday = day.getDayOfWeek().getValue() - 1;
            open[weekday][hour] += openSeconds;
            booked[weekday][hour] += bookedSeconds;
        });
    }

    /** Every weekday × hour from the sums that {@link #addWeekHours} made. */
    static List<Statistics.WeekHour> weekHours(long[][] open, long[][] booked) {
        List<Statistics.WeekHour> week = new ArrayList<>();
        for (DayOfWeek weekday : DayOfWeek.values()) {
            int w = weekday.getValue() - 1;
            for (int hour = 0; hour < HOURS; hour++) {
                week.add(new Statistics.WeekHour(weekday, hour, minutes(open[w][hour]), minutes(booked[w][hour]),
                        percent(booked[w][hour], open[w][hour])));
            }
        }
        return week;
    }

    /** Seconds of one local hour of one day: how long the room was open in it and how much of that was booked. */
    @FunctionalInterface
    interface OpenHour {
        void add(LocalDate day, int hour, long openSeconds, long bookedSeconds);
    }

    /** Each local hour of each day of the range in which the room was open. */
    private void walkOpenHours(RoomSchedule schedule, List<TimeRange> held, OpenHour sink) {
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            Optional<TimeRange> window = schedule.openWindow(day);
            if (window.isEmpty()) {
                continue;
            }
            // the day's own bookings first, so a year of hours does not walk a year of bookings each
            List<TimeRange> ofDay = held.stream().filter(h -> h.overlaps(window.get())).toList();
            for (int hour = 0; hour < HOURS; hour++) {
                var start = ZonedDateTime.of(day, LocalTime.of(hour, 0), zone).toInstant();
                var end = hour == HOURS - 1 ? start(day.plusDays(1)) : ZonedDateTime.of(day, LocalTime.of(hour + 1, 0), zone).toInstant();
                if (!end.isAfter(start)) {
                    continue; // the hour that daylight saving time skips
                }
                Optional<TimeRange> openPart = intersection(window.get(), new TimeRange(start, end));
                if (openPart.isPresent()) {
                    sink.add(day, hour, openPart.get().length().toSeconds(), overlap(ofDay, openPart.get()));
                }
            }
        }
    }

    private java.time.Instant start(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** Seconds of {@code range} covered by the held ranges, which never overlap each other (one room). */
    static long overlap(List<TimeRange> held, TimeRange range) {
        long seconds = 0;
        for (TimeRange h : held) {
            seconds += intersection(h, range).map(r -> r.length().toSeconds()).orElse(0L);
        }
        return seconds;
    }

    static Optional<TimeRange> intersection(TimeRange a, TimeRange b) {
        var start = a.start().isAfter(b.start()) ? a.start() : b.start();
        var end = a.end().isBefore(b.end()) ? a.end() : b.end();
        return end.isAfter(start) ? Optional.of(new TimeRange(start, end)) : Optional.empty();
    }

    static int minutes(long seconds) {
        return (int) Math.round(seconds / (double) Duration.ofMinutes(1).toSeconds());
    }

    /** A share in per cent with one decimal; null for nothing out of nothing. */
    static Double percent(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
    }
}
