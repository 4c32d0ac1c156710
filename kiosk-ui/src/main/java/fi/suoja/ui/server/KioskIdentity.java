package fi.suoja.ui.server;

/** Who this kiosk is to the server: its id, its library and the name staff see on help calls. */
public record KioskIdentity(long id, long siteId, String name) {
}
