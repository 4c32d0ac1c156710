package fi.suoja.ui.kiosk;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.icon.VaadinIcon;
import fi.suoja.ui.server.Booking;
import fi.suoja.ui.server.ServerProblem;

/**
 * "I have a booking": a large keypad with only the characters a booking code can have. A wrong
 * code gets the same words whether or not such a booking exists anywhere.
 */
class CodeScreen extends Section {

    /** The characters of a booking code: no 0/O, 1/I/L, so none can be mistaken for another. */
    static final String KEYS = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    static final int LENGTH = 9;

    private final KioskView kiosk;
    private final StringBuilder typed = new StringBuilder();
    private final Div display = new Div();
    private final Div notices = new Div();
    private final NativeButton show;

    CodeScreen(KioskView kiosk) {
        this.kiosk = kiosk;
        addClassName("screen");
        display.setId("typed-code");
        display.addClassNames("typed-code", Parts.DATA);
        display.getElement().setAttribute("role", "status");
        display.getElement().setAttribute("aria-label", kiosk.t("code.typed"));
        Div keypad = new Div();
        keypad.addClassName("keypad");
        keypad.getElement().setAttribute("dir", "ltr");
        for (char key : KEYS.toCharArray()) {
            NativeButton button = new NativeButton(String.valueOf(key));
            button.setId("key-" + key);
            button.addClassNames("key", Parts.DATA);
            button.addClickListener(click -> kiosk.act(() -> type(key)));
            keypad.add(button);
        }
        NativeButton delete = Parts.button(kiosk, "key-delete", VaadinIcon.BACKSPACE, kiosk.t("code.delete"), this::delete);
        delete.addClassName("key-delete");
        keypad.add(delete);
        show = Parts.primary(kiosk, "show-booking", VaadinIcon.SEARCH, kiosk.t("code.show"), this::find);
        // the Show button sits beside the code, above the keypad, so it is never below the fold
        add(Parts.heading(kiosk.t("code.heading")), Parts.say(kiosk.t("code.hint")), Parts.row(display, show), notices, keypad);
        refresh();
    }

    /** Shown with a plain message, as after a wrong code or a paper that is no booking's. */
    void refused(String notice) {
        notices.removeAll();
        notices.add(Parts.notice("code-notice", notice));
    }

    private void type(char key) {
        if (typed.length() < LENGTH) {
            typed.append(key);
        }
        refresh();
    }

    private void delete() {
        if (typed.length() > 0) {
            typed.setLength(typed.length() - 1);
        }
        refresh();
    }

    private void refresh() {
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < LENGTH; i++) {
            if (i == 3 || i == 6) {
                shown.append('-');
            }
            shown.append(i < typed.length() ? typed.charAt(i) : '_');
        }
        display.setText(shown.toString());
        show.setEnabled(typed.length() == LENGTH);
    }

    private void find() {
        notices.removeAll();
        try {
            Booking booking = kiosk.services().client().find(typed.toString());
            kiosk.showBooking(booking, null);
        } catch (ServerProblem problem) {
            typed.setLength(0);
            refresh();
            refused(kiosk.t(Problem.of(problem) == Problem.TOO_MANY_ATTEMPTS ? "code.tooMany" : "code.wrong"));
        }
    }
}
