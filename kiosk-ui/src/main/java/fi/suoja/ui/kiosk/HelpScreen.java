package fi.suoja.ui.kiosk;

import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.icon.VaadinIcon;

/** The help call is made: staff know, someone will come. */
class HelpScreen extends Section {

    HelpScreen(KioskView kiosk) {
        addClassName("screen");
        add(Parts.heading(kiosk.t("help.heading")), Parts.say(kiosk.t("help.wait")),
                Parts.row(Parts.primary(kiosk, "help-back", VaadinIcon.ARROW_BACKWARD, kiosk.t("help.back"), kiosk::back)));
    }
}
