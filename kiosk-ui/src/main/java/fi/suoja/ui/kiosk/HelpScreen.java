package fi.suoja.ui.kiosk;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.icon.VaadinIcon;
import fi.suoja.ui.server.HelpCall;

import java.util.Locale;

/**
 * The visitor's help call, as it is now: staff know and the visitor waits; someone is coming; or
 * the call is over. Drawn again whenever the call changes, which the server pushes.
 */
class HelpScreen extends Section {

    HelpScreen(KioskView kiosk, HelpCall call) {
        addClassName("screen");
        addClassName("help-screen");
        getElement().setAttribute("data-help", call.status().name().toLowerCase(Locale.ROOT));
        NativeButton back = Parts.primary(kiosk, "help-back", VaadinIcon.ARROW_BACKWARD, kiosk.t("help.back"), kiosk::back);
        back.getChildren().findFirst().ifPresent(icon -> icon.addClassName("flip-in-rtl"));
        switch (call.status()) {
            case OPEN -> add(state(VaadinIcon.CLOCK), Parts.heading(kiosk.t("help.waiting")), Parts.say(kiosk.t("help.wait")),
                    Parts.row(back, cancel(kiosk)));
            case ACKNOWLEDGED -> add(state(VaadinIcon.USER_CHECK), Parts.heading(kiosk.t("help.coming")),
                    Parts.say(kiosk.t("help.wait")), Parts.row(back, cancel(kiosk)));
            case RESOLVED, CANCELLED -> add(state(VaadinIcon.CHECK_CIRCLE), Parts.heading(kiosk.t("help.closed")),
                    Parts.say(kiosk.t("help.askAgain")), Parts.row(back, again(kiosk)));
            case EXPIRED -> add(state(VaadinIcon.EXCLAMATION_CIRCLE), Parts.heading(kiosk.t("help.expired")),
                    Parts.say(kiosk.t("help.goToDesk")), Parts.row(back, again(kiosk)));
        }
    }

    /** A large picture of the state, for those who do not read the words. */
    private static Div state(VaadinIcon icon) {
        Div picture = new Div(Parts.icon(icon));
        picture.addClassName("help-state");
        return picture;
    }

    private static NativeButton cancel(KioskView kiosk) {
        return Parts.button(kiosk, "help-cancel", VaadinIcon.CLOSE_CIRCLE, kiosk.t("help.cancel"), kiosk::cancelHelp);
    }

    private static NativeButton again(KioskView kiosk) {
        return Parts.button(kiosk, "help-again", VaadinIcon.LIFEBUOY, kiosk.t("bar.help"), kiosk::askForHelp);
    }
}
