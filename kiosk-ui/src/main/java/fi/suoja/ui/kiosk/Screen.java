package fi.suoja.ui.kiosk;

import fi.suoja.ui.server.KioskScreen;

/**
 * The screens of the kiosk. {@link #id()} is the page's {@code data-screen} (what tests read);
 * {@link #helpFrom()} is the server's name for it on a help call. Decisions by screen are
 * exhaustive switches over this, so a new screen that is not handled does not compile.
 */
enum Screen {
    START("start", KioskScreen.START),
    WHEN("when", KioskScreen.WHEN),
    DAYS("days", KioskScreen.DAYS),
    LENGTH("length", KioskScreen.LENGTH),
    HOURS("hours", KioskScreen.HOURS),
    ROOMS("rooms", KioskScreen.ROOMS),
    NO_ROOM("no-room", KioskScreen.NO_ROOM),
    CONFIRM("confirm", KioskScreen.CONFIRM),
    CARD("card", KioskScreen.CARD),
    CODE("code", KioskScreen.CODE),
    BOOKING("booking", KioskScreen.BOOKING),
    ASK("ask", KioskScreen.ASK),
    DONE("done", KioskScreen.DONE),
    HELP("help", KioskScreen.HELP),
    STILL_HERE("still-here", KioskScreen.STILL_HERE),
    /** The server is lost; no one can help from a screen that is not the kiosk's own. */
    BROKEN("broken", KioskScreen.OTHER);

    private final String id;
    private final KioskScreen helpFrom;

    Screen(String id, KioskScreen helpFrom) {
        this.id = id;
        this.helpFrom = helpFrom;
    }

    String id() {
        return id;
    }

    KioskScreen helpFrom() {
        return helpFrom;
    }

    /** A step of a booking or lookup, one the Back button goes between. */
    boolean step() {
        return switch (this) {
            case START, WHEN, DAYS, LENGTH, HOURS, ROOMS, NO_ROOM, CONFIRM, CARD, CODE, BOOKING -> true;
            case ASK, DONE, HELP, STILL_HERE, BROKEN -> false;
        };
    }

    /** Whether a receipt scanned here opens its booking: not where the card reader types, nor when the server is lost. */
    boolean takesScans() {
        return switch (this) {
            case CARD, BROKEN -> false;
            case START, WHEN, DAYS, LENGTH, HOURS, ROOMS, NO_ROOM, CONFIRM, CODE, BOOKING, ASK, DONE, HELP, STILL_HERE -> true;
        };
    }

    /** Whether showing this ends the visit's way back: a booking made, or the server lost. */
    boolean endsHistory() {
        return switch (this) {
            case DONE, BROKEN -> true;
            case START, WHEN, DAYS, LENGTH, HOURS, ROOMS, NO_ROOM, CONFIRM, CARD, CODE, BOOKING, ASK, HELP, STILL_HERE -> false;
        };
    }

    /** Whether the bar offers to start again: not on the start itself, nor when the server is lost. */
    boolean offersStartAgain() {
        return switch (this) {
            case START, BROKEN -> false;
            case WHEN, DAYS, LENGTH, HOURS, ROOMS, NO_ROOM, CONFIRM, CARD, CODE, BOOKING, ASK, DONE, HELP, STILL_HERE -> true;
        };
    }

    /** Whether the bar offers help: not on the help screen, the start (it has its own), or when the server is lost. */
    boolean offersHelp() {
        return switch (this) {
            case START, HELP, BROKEN -> false;
            case WHEN, DAYS, LENGTH, HOURS, ROOMS, NO_ROOM, CONFIRM, CARD, CODE, BOOKING, ASK, DONE, STILL_HERE -> true;
        };
    }

    /** Whether the help notice is left out: the screen says it already (help) or cannot (server lost). */
    boolean hidesHelpNotice() {
        return switch (this) {
            case HELP, BROKEN -> true;
            case START, WHEN, DAYS, LENGTH, HOURS, ROOMS, NO_ROOM, CONFIRM, CARD, CODE, BOOKING, ASK, DONE, STILL_HERE -> false;
        };
    }
}
