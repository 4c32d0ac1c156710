package fi.suoja.ui.kiosk;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.icon.VaadinIcon;
import fi.suoja.ui.server.RoomChoice;
import fi.suoja.ui.server.Site;
import fi.suoja.ui.server.SiteNow;

import java.time.Instant;

/**
 * Nothing free when the visitor asked: now (every room taken, or closed), or on the chosen day. It
 * says so once, says when the rooms open or until when they are open, and offers the next free
 * time as one button that goes straight to "Is this right?".
 */
class NextFreeScreen extends Section {

    /**
     * @param now     the rooms now, with the next free start for {@code minutes} (from the chosen day on)
     * @param onADay  true when the visitor chose a later time or day, false for "now"
     */
    NextFreeScreen(KioskView kiosk, Site site, SiteNow now, int minutes, boolean onADay) {
        addClassName("screen");
        String heading = onADay ? kiosk.t("none.day")
                : now.state() == SiteNow.State.CLOSED ? kiosk.t("none.closed") : kiosk.t("none.full");
        add(Parts.heading(heading));
        String hours = onADay ? null : Opening.hours(kiosk, site.zone(), now);
        if (hours != null) {
            Paragraph open = Parts.say(hours);
            open.setId("opening-hours");
            add(open);
        }
        if (now.nextFree().isEmpty()) {
            add(Parts.notice("no-free-time", kiosk.t("none.nothing")));
            return;
        }
        RoomChoice room = now.nextFree().get();
        Instant start = room.starts().get(0);
        String time = Times.isolated(Times.range(kiosk, site, start, start.plusSeconds(minutes * 60L)));
        Paragraph next = Parts.say(kiosk.t("none.next", time, room.name(kiosk.language().tag())));
        next.setId("next-free-time");
        add(next, Parts.row(Parts.primary(kiosk, "next-free", VaadinIcon.CALENDAR_CLOCK, kiosk.t("none.book", time),
                () -> kiosk.pickRoom(room, start, minutes))));
    }
}
