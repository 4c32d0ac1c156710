package fi.suoja.ui.kiosk;

import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.icon.VaadinIcon;

/** The first screen: three large choices. */
class StartScreen extends Section {

    StartScreen(KioskView kiosk) {
        addClassName("screen");
        add(Parts.heading(kiosk.t("start.heading")),
                Parts.grid(
                        Parts.primary(kiosk, "book", VaadinIcon.CALENDAR_CLOCK, kiosk.t("start.book"), kiosk::showWhen),
                        Parts.button(kiosk, "have-booking", VaadinIcon.KEY, kiosk.t("start.have"), kiosk::showCode),
                        Parts.button(kiosk, "help", VaadinIcon.LIFEBUOY, kiosk.t("start.help"), kiosk::askForHelp)));
    }
}
