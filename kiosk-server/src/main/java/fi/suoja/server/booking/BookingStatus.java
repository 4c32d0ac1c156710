package fi.suoja.server.booking;

/**
 * The booking lifecycle: {@code CONFIRMED → CHECKED_IN → COMPLETED}, {@code CONFIRMED → CANCELLED},
 * {@code CONFIRMED → NO_SHOW}. A booking that ends, for any reason, never comes back.
 */
public enum BookingStatus {
    CONFIRMED, CHECKED_IN, COMPLETED, CANCELLED, NO_SHOW;

    /** Whether the booking still keeps its room from others. */
    public boolean holdsRoom() {
        return switch (this) {
            case CONFIRMED, CHECKED_IN -> true;
            case COMPLETED, CANCELLED, NO_SHOW -> false;
        };
    }

    public boolean canMoveTo(BookingStatus next) {
        return switch (this) {
            case CONFIRMED -> next == CHECKED_IN || next == CANCELLED || next == NO_SHOW || next == COMPLETED;
            case CHECKED_IN -> next == COMPLETED;
            case COMPLETED, CANCELLED, NO_SHOW -> false;
        };
    }
}
