package fi.suoja.server.booking;

import fi.suoja.server.room.RoomSchedule;
import fi.suoja.server.site.BookingRules;
import fi.suoja.server.time.Grain;
import fi.suoja.server.time.TimeRange;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The booking rules of a site, as pure functions of the rules, the room's hours and the time.
 * Overlaps are not checked here: the database refuses them (see {@link SlotClaim}).
 */
record BookingPolicy(BookingRules rules, RoomSchedule schedule, Instant now) {

    ZoneId zone() {
        return schedule.zone();
    }

    /** The earliest start a booking may have: the grain we are in, so "now" can be booked. */
    Instant nowGrain() {
        return Grain.floor(now);
    }

    /**
     * "Now" as a kiosk offered it a moment ago: the start is the five minutes before ours, and the
     * booking has time left. A visitor who chose a room free now at 12:09 and confirmed at 12:10
     * asks for 12:05; refusing that as past would refuse every try, since the kiosk asks again for
     * what the visitor saw.
     */
    private boolean isNowJustOffered(TimeRange range) {
        return range.start().equals(nowGrain().minus(Grain.MINUTES, ChronoUnit.MINUTES)) && range.end().isAfter(now);
    }

    Optional<RuleViolation> checkNew(TimeRange range) {
        int minutes = (int) range.length().toMinutes();
        if (!Grain.isAligned(range.start()) || !Grain.isAligned(range.end()) || minutes % rules.slotStepMinutes() != 0) {
            return Optional.of(RuleViolation.NOT_IN_STEPS);
        }
        if (minutes < rules.minBookingMinutes()) {
            return Optional.of(RuleViolation.TOO_SHORT);
        }
        if (minutes > rules.maxBookingMinutes()) {
            return Optional.of(RuleViolation.TOO_LONG);
        }
        if (range.start().isBefore(nowGrain()) && !isNowJustOffered(range)) {
            return Optional.of(RuleViolation.IN_THE_PAST);
        }
        if (range.start().isAfter(nowGrain()) && !isOnStep(range.start())) {
            return Optional.of(RuleViolation.START_NOT_ON_STEP);
        }
        LocalDate day = range.start().atZone(zone()).toLocalDate();
        if (day.isAfter(now.atZone(zone()).toLocalDate().plusDays(rules.maxDaysAhead()))) {
            return Optional.of(RuleViolation.TOO_FAR_AHEAD);
        }
        return checkOpen(range);
    }

    Optional<RuleViolation> checkExtension(TimeRange current, int extraMinutes) {
        if (!now.isBefore(current.end())) {
            return Optional.of(RuleViolation.BOOKING_OVER);
        }
        if (extraMinutes <= 0 || extraMinutes % rules.slotStepMinutes() != 0) {
            return Optional.of(RuleViolation.NOT_IN_STEPS);
        }
        TimeRange longer = new TimeRange(current.start(), current.end().plus(Duration.ofMinutes(extraMinutes)));
        if (longer.length().toMinutes() > rules.maxBookingMinutes()) {
            return Optional.of(RuleViolation.TOO_LONG);
        }
        return checkOpen(longer);
    }

    /**
     * Whether a booking is for now: it has begun when it is made (the kiosk's "now" starts in the
     * current five minutes). Made at a kiosk, such a booking is the visitor's at once: they are
     * standing there, so it is checked in when it is made and the no-show rule never applies.
     * A booking for the next start time is not: it is kept by using its door code, scanning its
     * receipt or typing its code before the grace time is over.
     */
    boolean isForNow(TimeRange range) {
        return !range.start().isAfter(now);
    }

    /** Check-in opens when the door code does and closes when the grace time is over. */
    Optional<RuleViolation> checkCheckIn(TimeRange range) {
        if (now.isBefore(range.start().minus(rules.doorCodeLead()))) {
            return Optional.of(RuleViolation.CHECK_IN_TOO_EARLY);
        }
        if (!now.isBefore(graceEnd(range))) {
            return Optional.of(RuleViolation.CHECK_IN_TOO_LATE);
        }
        return Optional.empty();
    }

    Instant graceEnd(TimeRange range) {
        Instant graceEnd = range.start().plus(rules.checkInGrace());
        return graceEnd.isBefore(range.end()) ? graceEnd : range.end();
    }

    boolean isOnStep(Instant instant) {
        ZonedDateTime local = instant.atZone(zone());
        int minuteOfDay = local.getHour() * 60 + local.getMinute();
        return local.getSecond() == 0 && local.getNano() == 0 && minuteOfDay % rules.slotStepMinutes() == 0;
    }

    private Optional<RuleViolation> checkOpen(TimeRange range) {
        LocalDate day = range.start().atZone(zone()).toLocalDate();
        Optional<TimeRange> window = schedule.openWindow(day);
        if (window.isEmpty()) {
            return Optional.of(RuleViolation.CLOSED);
        }
        if (!window.get().contains(range)) {
            return Optional.of(RuleViolation.OUTSIDE_OPENING_HOURS);
        }
        return Optional.empty();
    }
}
