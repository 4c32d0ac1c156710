package fi.suoja.ui.kiosk;

import com.vaadin.flow.component.html.Section;

/** The server cannot be reached: a calm sentence. The kiosk checks by itself and comes back. */
class BrokenScreen extends Section {

    BrokenScreen(KioskView kiosk) {
        addClassName("screen");
        add(Parts.heading(kiosk.t("broken.heading")), Parts.say(kiosk.t("broken.wait")));
    }
}
