package fi.suoja.ui.server;

import java.time.ZoneId;

/** A library as the server shows it: its name, time zone and booking rules, which the kiosk needs to offer choices. */
@ApiSchema("SiteController.SiteView")
public record Site(long id, String name, ZoneId timeZone, BookingRules rules) {

    public ZoneId zone() {
        return timeZone;
    }

    public int slotStepMinutes() {
        return rules.slotStepMinutes();
    }

    public int minBookingMinutes() {
        return rules.minBookingMinutes();
    }

    public int maxBookingMinutes() {
        return rules.maxBookingMinutes();
    }

    public int maxDaysAhead() {
        return rules.maxDaysAhead();
    }

    public boolean libraryCardRequired() {
        return rules.libraryCardRequired();
    }
}
