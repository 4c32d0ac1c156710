package fi.suoja.ui.kiosk;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;

/** The few building blocks every screen is made of, so that all buttons look and behave alike. */
final class Parts {

    /** CSS class of text that comes from data (room names, codes, times), not from the translations. */
    static final String DATA = "data";

    private Parts() {
    }

    /** A large button with an icon beside its words. Every tap counts as activity for the idle timer. */
    static NativeButton button(KioskView kiosk, String id, VaadinIcon icon, String words, Runnable action) {
        NativeButton button = new NativeButton();
        button.setId(id);
        button.addClassName("choice");
        button.add(icon(icon), new Span(words));
        button.addClickListener(click -> kiosk.act(action));
        return button;
    }

    static NativeButton primary(KioskView kiosk, String id, VaadinIcon icon, String words, Runnable action) {
        NativeButton button = button(kiosk, id, icon, words, action);
        button.addClassName("primary");
        return button;
    }

    /** A large picture card: a big icon above its words, for the start screen's few main choices. */
    static NativeButton card(KioskView kiosk, String id, VaadinIcon icon, String words, Runnable action) {
        NativeButton card = button(kiosk, id, icon, words, action);
        card.addClassName("picture-card");
        return card;
    }

    /**
     * An on/off switch for something optional: its words, and a visible track that says No or Yes
     * (the state is also {@code aria-checked} for screen readers). Tapping flips it and tells
     * {@code changed} the new state.
     */
    static NativeButton toggle(KioskView kiosk, String id, VaadinIcon icon, String words, boolean on,
                               java.util.function.Consumer<Boolean> changed) {
        NativeButton toggle = new NativeButton();
        toggle.setId(id);
        toggle.addClassName("switch");
        toggle.getElement().setAttribute("role", "switch");
        Span state = new Span();
        state.addClassName("switch-state");
        state.getElement().setAttribute("aria-hidden", "true");
        Span track = new Span(new Span(), state);
        track.addClassName("switch-track");
        toggle.add(icon(icon), new Span(words), track);
        boolean[] value = {on};
        Runnable show = () -> {
            toggle.getElement().setAttribute("aria-checked", Boolean.toString(value[0]));
            state.setText(kiosk.t(value[0] ? "switch.on" : "switch.off"));
        };
        show.run();
        toggle.addClickListener(click -> kiosk.act(() -> {
            value[0] = !value[0];
            show.run();
            changed.accept(value[0]);
        }));
        return toggle;
    }

    static Icon icon(VaadinIcon vaadinIcon) {
        Icon icon = vaadinIcon.create();
        icon.addClassName("icon");
        icon.getElement().setAttribute("aria-hidden", "true");
        return icon;
    }

    static H1 heading(String words) {
        H1 heading = new H1(words);
        heading.setId("screen-heading");
        // focusable from script so a screen reader and the keyboard start at the new screen's heading
        heading.getElement().setAttribute("tabindex", "-1");
        return heading;
    }

    static Paragraph say(String words) {
        Paragraph paragraph = new Paragraph(words);
        paragraph.addClassName("say");
        return paragraph;
    }

    static Span data(String value) {
        Span span = new Span(value);
        span.addClassName(DATA);
        return span;
    }

    /** A labelled value, e.g. "Booking code" above "K7M-4PX-ZQ2". */
    static Div fact(String id, String label, String value) {
        return fact(id, label, value, false);
    }

    /**
     * A labelled value; {@code leftToRight} gives the value the direction of its own first letter
     * ({@code dir="auto"}), so a time range such as "12:55–13:25" keeps its reading order inside
     * right-to-left text, where the bidi algorithm would otherwise swap its ends, and one worded in
     * Arabic ("من 12:55 إلى 13:25") still reads right to left.
     */
    static Div fact(String id, String label, String value, boolean leftToRight) {
        Div fact = new Div();
        fact.setId(id);
        fact.addClassName("fact");
        Span labelSpan = new Span(label);
        labelSpan.addClassName("fact-label");
        Span valueSpan = data(value);
        valueSpan.addClassName("fact-value");
        if (leftToRight) {
            valueSpan.getElement().setAttribute("dir", "auto");
        }
        fact.add(labelSpan, valueSpan);
        return fact;
    }

    static Div row(Component... children) {
        Div row = new Div(children);
        row.addClassName("row");
        return row;
    }

    static Div grid(Component... children) {
        Div grid = new Div(children);
        grid.addClassName("choices");
        return grid;
    }

    /** A plain message, read out by screen readers when it appears. */
    static Paragraph notice(String id, String words) {
        Paragraph notice = new Paragraph(words);
        notice.setId(id);
        notice.addClassName("notice");
        notice.getElement().setAttribute("role", "status");
        return notice;
    }
}
