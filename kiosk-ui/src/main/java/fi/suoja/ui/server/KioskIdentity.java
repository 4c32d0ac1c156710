package fi.suoja.ui.server;

/** Who this kiosk is to the server: its id, its library and the name staff see on help calls. */
@ApiSchema("KioskView")
public record KioskIdentity(long id, long siteId, String name) {
}
