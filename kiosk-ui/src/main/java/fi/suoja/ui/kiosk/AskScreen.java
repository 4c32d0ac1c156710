package fi.suoja.ui.kiosk;

import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * Before something that cannot be undone: one plain question and what follows from it. The big
 * button is the safe choice, keeping the booking; the other does it.
 */
class AskScreen extends Section {

    /** What is asked about, with its words ({@code ask.<key>.heading}, {@code .info}, {@code .yes}). */
    enum Question {
        CANCEL("cancel", VaadinIcon.CLOSE_CIRCLE), END("end", VaadinIcon.SIGN_OUT);

        final String key;
        final VaadinIcon icon;

        Question(String key, VaadinIcon icon) {
            this.key = key;
            this.icon = icon;
        }
    }

    AskScreen(KioskView kiosk, Question question, Runnable keep, Runnable yes) {
        addClassName("screen");
        NativeButton keeping = Parts.primary(kiosk, "keep-booking", VaadinIcon.ARROW_BACKWARD, kiosk.t("ask.keep"), keep);
        keeping.getChildren().findFirst().ifPresent(icon -> icon.addClassName("flip-in-rtl"));
        add(Parts.heading(kiosk.t("ask." + question.key + ".heading")),
                Parts.say(kiosk.t("ask." + question.key + ".info")),
                Parts.row(keeping, Parts.button(kiosk, "yes-" + question.key, question.icon, kiosk.t("ask." + question.key + ".yes"), yes)));
    }
}
