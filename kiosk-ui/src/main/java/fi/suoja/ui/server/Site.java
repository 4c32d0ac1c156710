package fi.suoja.ui.server;

import java.time.ZoneId;

/** The kiosk's own library: its name, time zone and the booking rules the kiosk needs to offer choices. */
public record Site(long id, String name, ZoneId zone, int slotStepMinutes, int minBookingMinutes,
                   int maxBookingMinutes, int maxDaysAhead, boolean libraryCardRequired) {
}
