package fi.suoja.ui.kiosk;

import com.vaadin.flow.component.html.Aside;
import com.vaadin.flow.component.icon.VaadinIcon;
import fi.suoja.ui.server.HelpCall;

/**
 * On every screen but the help screen, while the visit's help call is open: that staff know, or
 * that someone is coming, (a tap shows the help screen) and a way to say no help is needed any
 * more. Read out when it changes.
 */
class HelpNotice extends Aside {

    HelpNotice() {
        setId("help-notice");
        addClassName("help-notice");
        getElement().setAttribute("aria-live", "polite");
        setVisible(false);
    }

    /** Shows the call's state, or nothing when {@code call} is null or closed, or the help screen is shown. */
    void show(KioskView kiosk, HelpCall call, boolean onHelpScreen) {
        removeAll();
        boolean shown = call != null && call.open() && !onHelpScreen;
        setVisible(shown);
        if (shown) {
            add(Parts.button(kiosk, "help-notice-open", call.acknowledged() ? VaadinIcon.USER_CHECK : VaadinIcon.CLOCK,
                            kiosk.t(call.acknowledged() ? "help.coming" : "help.waiting"), kiosk::askForHelp),
                    Parts.button(kiosk, "help-notice-cancel", VaadinIcon.CLOSE_CIRCLE, kiosk.t("help.cancel"), kiosk::cancelHelp));
        }
    }
}
