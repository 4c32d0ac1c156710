package fi.suoja.server.booking;

/** A booking rule a request breaks, with the plain sentence the caller sees and a stable name. */
enum RuleViolation {
    NOT_IN_STEPS("length-not-in-steps", "The length must be in whole steps of the booking time."),
    TOO_SHORT("too-short", "The booking is shorter than the shortest allowed."),
    TOO_LONG("too-long", "The booking is longer than the longest allowed."),
    START_NOT_ON_STEP("start-not-on-step", "A booking starts now or at one of the offered times."),
    IN_THE_PAST("in-the-past", "That time has already passed."),
    TOO_FAR_AHEAD("too-far-ahead", "That day is too far ahead to book."),
    CLOSED("closed", "The room is closed that day."),
    OUTSIDE_OPENING_HOURS("outside-opening-hours", "The room is not open for all of that time."),
    ROOM_NOT_IN_USE("room-not-in-use", "This room cannot be booked now."),
    CARD_REQUIRED("card-required", "This library asks for a library card number."),
    CARD_INVALID("card-invalid", "The library card number is not valid."),
    NAME_ON_DOOR_NOT_ALLOWED("name-on-door-not-allowed", "This library does not put names on doors."),
    BOOKING_OVER("booking-over", "The booking has already ended."),
    CHECK_IN_TOO_EARLY("check-in-too-early", "It is too early to check in."),
    CHECK_IN_TOO_LATE("check-in-too-late", "It is too late to check in. The room was released."),
    NOT_STARTED("not-started", "The booking has not started yet. You can cancel it instead.");

    private final String slug;
    private final String message;

    RuleViolation(String slug, String message) {
        this.slug = slug;
        this.message = message;
    }

    String slug() {
        return slug;
    }

    String message() {
        return message;
    }
}
