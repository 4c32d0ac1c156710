package fi.suoja.ui.server;

/** A library's booking rules, all lengths in minutes, as the server's rules API takes them. */
@ApiSchema("SiteController.Rules")
public record BookingRules(int slotStepMinutes, int minBookingMinutes, int maxBookingMinutes, int maxDaysAhead,
                           int bufferMinutes, int checkInGraceMinutes, int doorCodeLeadMinutes,
                           boolean libraryCardRequired, int maxActiveBookingsPerCard, boolean nameOnDoorAllowed) {
}
