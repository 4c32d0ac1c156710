package fi.suoja.ui.server;

/**
 * The kiosk screens the server knows, so staff see where a visitor asked for help; a kiosk sends
 * {@code OTHER} for a screen this list does not name. The UI only sends these, so there is no
 * {@code UNKNOWN} to read a newer server's constant into.
 */
@ApiSchema("KioskScreen")
public enum KioskScreen {
    START, WHEN, DAYS, LENGTH, HOURS, ROOMS, NO_ROOM, CONFIRM, CARD, CODE, BOOKING, ASK, DONE, HELP, STILL_HERE, OTHER
}
