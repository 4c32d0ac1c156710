package fi.suoja.ui.kiosk;

import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.icon.VaadinIcon;

/** When the room is needed: now, later today, another day. */
class WhenScreen extends Section {

    WhenScreen(KioskView kiosk) {
        addClassName("screen");
        add(Parts.heading(kiosk.t("when.heading")),
                Parts.grid(
                        Parts.primary(kiosk, "when-now", VaadinIcon.CLOCK, kiosk.t("when.now"), kiosk::chooseNow),
                        Parts.button(kiosk, "when-later", VaadinIcon.HOURGLASS, kiosk.t("when.later"),
                                () -> kiosk.chooseDay(kiosk.today())),
                        Parts.button(kiosk, "when-day", VaadinIcon.CALENDAR, kiosk.t("when.day"), kiosk::showDays)));
    }
}
