package fi.suoja.server.help;

/**
 * The kiosk screens a visitor can ask for help from, so staff know where they got stuck. A kiosk
 * sends {@code OTHER} for a screen this list does not know yet.
 */
public enum KioskScreen {
    START, WHEN, DAYS, LENGTH, HOURS, ROOMS, NO_ROOM, CONFIRM, CARD, CODE, BOOKING, ASK, DONE, HELP, STILL_HERE, OTHER
}
