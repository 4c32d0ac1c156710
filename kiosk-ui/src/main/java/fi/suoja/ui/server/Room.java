package fi.suoja.ui.server;

/** A room of a library as the staff desk lists it. */
public record Room(long id, String name, String place) {
}
