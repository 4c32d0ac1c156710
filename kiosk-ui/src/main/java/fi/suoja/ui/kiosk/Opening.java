package fi.suoja.ui.kiosk;

import fi.suoja.ui.server.SiteNow;

import java.time.ZoneId;

/**
 * The library's rooms now in plain sentences, the same on the start screen and on the screen that
 * says nothing is free: how many are free, or that all are taken, or that they are closed and when
 * they open. One source, so the two screens never say different things.
 */
final class Opening {

    private Opening() {
    }

    /** "2 rooms are free now.", "No room is free now." or "The rooms are closed now." */
    static String state(KioskView kiosk, SiteNow now) {
        return switch (now.state()) {
            case FREE -> now.freeRooms() == 1 ? kiosk.t("start.free.one") : kiosk.t("start.free.many", now.freeRooms());
            case FULL -> kiosk.t("none.full");
            case CLOSED -> kiosk.t("none.closed");
        };
    }

    /** When they open (closed) or until when they are open (open), or null when the server does not know. */
    static String hours(KioskView kiosk, ZoneId zone, SiteNow now) {
        if (now.state() == SiteNow.State.CLOSED) {
            if (now.opensAt() == null) {
                return null;
            }
            return Times.today(kiosk, zone, now.opensAt())
                    ? kiosk.t("none.opensToday", Times.clock(zone, now.opensAt()))
                    : kiosk.t("none.opensOn", Times.day(kiosk, zone, now.opensAt()), Times.clock(zone, now.opensAt()));
        }
        return now.closesAt() == null ? null : kiosk.t("none.openUntil", Times.clock(zone, now.closesAt()));
    }
}
