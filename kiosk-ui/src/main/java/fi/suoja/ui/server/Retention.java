package fi.suoja.ui.server;

/** How many days a library's ended bookings keep their codes; {@code serverDefault} when the library chose none. */
public record Retention(int days, boolean serverDefault) {
}
