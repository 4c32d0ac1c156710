package fi.suoja.ui.kiosk;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.icon.VaadinIcon;
import fi.suoja.hardware.Registration;
import fi.suoja.hardware.card.CardFormat;
import fi.suoja.hardware.card.CardRead;
import fi.suoja.ui.server.RoomChoice;

import java.time.Instant;

/**
 * The library asks for a card: the number is typed on a large keypad, typed by a keyboard-style
 * card reader (digits and Enter, as a keyboard would), or read by a serial reader. The number is
 * shown masked but for its last four digits, and is sent only with the booking.
 */
class CardScreen extends Section {

    /** Library card numbers: 5 to 20 digits (Finnish library cards have 10 to 14). */
    static final CardFormat FORMAT = CardFormat.digits(5, 20);

    private final KioskView kiosk;
    private final RoomChoice room;
    private final Instant start;
    private final int minutes;
    private final DeviceWishes wishes;
    private final StringBuilder typed = new StringBuilder();
    private final Div display = new Div();
    private final Div notices = new Div();
    private final NativeButton book;
    private Registration reader;

    CardScreen(KioskView kiosk, RoomChoice room, Instant start, int minutes, DeviceWishes wishes) {
        this.kiosk = kiosk;
        this.room = room;
        this.start = start;
        this.minutes = minutes;
        this.wishes = wishes;
        addClassName("screen");
        display.setId("typed-card");
        display.addClassNames("typed-code", Parts.DATA);
        display.getElement().setAttribute("role", "status");
        display.getElement().setAttribute("aria-label", kiosk.t("card.typed"));
        Div keypad = new Div();
        keypad.addClassName("keypad");
        keypad.getElement().setAttribute("dir", "ltr");
        for (char key : "1234567890".toCharArray()) {
            NativeButton button = new NativeButton(String.valueOf(key));
            button.setId("card-key-" + key);
            button.addClassNames("key", Parts.DATA);
            button.addClickListener(click -> kiosk.act(() -> type(key)));
            keypad.add(button);
            // a keyboard-style card reader types the digits and Enter into whatever has the focus
            Shortcuts.addShortcutListener(this, () -> kiosk.act(() -> type(key)), Key.of(String.valueOf(key)));
        }
        NativeButton delete = Parts.button(kiosk, "card-key-delete", VaadinIcon.BACKSPACE, kiosk.t("code.delete"), this::delete);
        delete.addClassName("key-delete");
        keypad.add(delete);
        Shortcuts.addShortcutListener(this, () -> kiosk.act(this::delete), Key.BACKSPACE);
        Shortcuts.addShortcutListener(this, () -> kiosk.act(this::bookIfComplete), Key.ENTER);
        book = Parts.primary(kiosk, "card-book", VaadinIcon.CHECK, kiosk.t("confirm.book"), this::bookIfComplete);
        add(Parts.heading(kiosk.t("card.heading")), Parts.say(kiosk.t("card.hint")), Parts.row(display, book), notices, keypad);
        refresh();
        addAttachListener(attach -> {
            UI ui = attach.getUI();
            // a serial card reader answers on its own thread; the number goes in through the UI's lock
            reader = kiosk.services().cardReader().onCard(number -> ui.access(() -> {
                typed.setLength(0);
                typed.append(number.value());
                refresh();
                bookIfComplete();
            }));
        });
        addDetachListener(detach -> {
            if (reader != null) {
                reader.remove();
            }
        });
    }

    void refused(String notice) {
        typed.setLength(0);
        refresh();
        notices.add(Parts.notice("card-notice", notice));
    }

    private void type(char key) {
        if (typed.length() < CardFormat.LONGEST) {
            typed.append(key);
        }
        notices.removeAll();
        refresh();
    }

    private void delete() {
        if (typed.length() > 0) {
            typed.setLength(typed.length() - 1);
        }
        refresh();
    }

    private void refresh() {
        int shownFrom = Math.max(0, typed.length() - 4);
        display.setText(typed.length() == 0 ? "_" : "•".repeat(shownFrom) + typed.substring(shownFrom));
        book.setEnabled(FORMAT.read(typed.toString()) instanceof CardRead.Accepted);
    }

    private void bookIfComplete() {
        CardRead read = FORMAT.read(typed.toString());
        if (read instanceof CardRead.Accepted accepted) {
            kiosk.book(room, start, minutes, wishes, accepted.number().value());
        } else {
            refused(kiosk.t("card.invalid"));
        }
    }
}
