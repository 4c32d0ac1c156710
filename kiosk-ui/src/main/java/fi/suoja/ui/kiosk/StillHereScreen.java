package fi.suoja.ui.kiosk;

import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.icon.VaadinIcon;

/** Nobody has touched the screen for a while: one big button to go on, else the kiosk starts over. */
class StillHereScreen extends Section {

    StillHereScreen(KioskView kiosk) {
        addClassName("screen");
        add(Parts.heading(kiosk.t("idle.heading")),
                Parts.row(Parts.primary(kiosk, "still-here", VaadinIcon.HAND, kiosk.t("idle.yes"), kiosk::back)),
                Parts.say(kiosk.t("idle.info")));
    }
}
