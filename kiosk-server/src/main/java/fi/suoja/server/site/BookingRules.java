package fi.suoja.server.site;

import fi.suoja.server.time.Grain;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Duration;

/**
 * How a site lets its rooms be booked. All lengths are minutes on the five-minute grid;
 * these checks keep every stored rule set one that bookings can actually satisfy.
 */
@MappedEntity("booking_rules")
public record BookingRules(
        @Id long siteId,
        int slotStepMinutes,
        int minBookingMinutes,
        int maxBookingMinutes,
        int maxDaysAhead,
        int bufferMinutes,
        int checkInGraceMinutes,
        int doorCodeLeadMinutes,
        boolean libraryCardRequired,
        int maxActiveBookingsPerCard,
        boolean nameOnDoorAllowed) {

    public BookingRules {
        require(slotStepMinutes > 0 && Grain.isMultiple(slotStepMinutes) && slotStepMinutes <= 120, "slot-step",
                "the slot step is 5 to 120 minutes, in steps of 5");
        require(minBookingMinutes > 0 && minBookingMinutes % slotStepMinutes == 0, "min-booking",
                "the shortest booking is a whole number of slot steps");
        require(maxBookingMinutes >= minBookingMinutes && maxBookingMinutes % slotStepMinutes == 0
                        && maxBookingMinutes <= 24 * 60, "max-booking",
                "the longest booking is at least the shortest, a whole number of slot steps, at most a day");
        require(maxDaysAhead >= 0 && maxDaysAhead <= 365, "days-ahead", "bookings can be made 0 to 365 days ahead");
        require(bufferMinutes >= 0 && Grain.isMultiple(bufferMinutes) && bufferMinutes <= 120, "buffer",
                "the buffer is 0 to 120 minutes, in steps of 5");
        require(checkInGraceMinutes >= 0 && checkInGraceMinutes <= 120, "check-in-grace", "the check-in grace time is 0 to 120 minutes");
        require(doorCodeLeadMinutes >= 0 && doorCodeLeadMinutes <= 60, "door-code-lead", "a door code opens 0 to 60 minutes early");
        require(maxActiveBookingsPerCard >= 1 && maxActiveBookingsPerCard <= 20, "per-card", "a card may hold 1 to 20 bookings");
    }

    public static BookingRules defaults(long siteId) {
        return new BookingRules(siteId, 15, 15, 120, 14, 10, 15, 10, false, 2, false);
    }

    public BookingRules forSite(long id) {
        return new BookingRules(id, slotStepMinutes, minBookingMinutes, maxBookingMinutes, maxDaysAhead,
                bufferMinutes, checkInGraceMinutes, doorCodeLeadMinutes, libraryCardRequired,
                maxActiveBookingsPerCard, nameOnDoorAllowed);
    }

    public Duration buffer() {
        return Duration.ofMinutes(bufferMinutes);
    }

    public Duration checkInGrace() {
        return Duration.ofMinutes(checkInGraceMinutes);
    }

    public Duration doorCodeLead() {
        return Duration.ofMinutes(doorCodeLeadMinutes);
    }

    private static void require(boolean condition, String slug, String rule) {
        if (!condition) {
            throw new Broken(slug, rule);
        }
    }

    /** A rule set that does not fit together; {@code slug} names the rule, for clients to explain it in their words. */
    public static final class Broken extends IllegalArgumentException {

        private final String slug;

        Broken(String slug, String rule) {
            super(rule);
            this.slug = slug;
        }

        public String slug() {
            return slug;
        }
    }
}
