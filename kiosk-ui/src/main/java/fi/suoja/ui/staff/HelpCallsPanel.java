package fi.suoja.ui.staff;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import fi.suoja.ui.server.HelpCall;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Open help calls from the library's kiosks, on every staff page. A call not seen before raises a
 * visible alert and a short tone (Web Audio, no files or packages); each can be acknowledged
 * ("I am coming") and resolved.
 */
class HelpCallsPanel extends Section {

    /** A short two-note chime; browsers may refuse sound before the first click, which login is. */
    private static final String CHIME = """
            try {
              const ctx = new (window.AudioContext || window.webkitAudioContext)();
              [0, 0.25].forEach((at, i) => {
                const tone = ctx.createOscillator(); const gain = ctx.createGain();
                tone.frequency.value = i === 0 ? 880 : 660; gain.gain.value = 0.2;
                tone.connect(gain); gain.connect(ctx.destination);
                tone.start(ctx.currentTime + at); tone.stop(ctx.currentTime + at + 0.2);
              });
            } catch (e) { /* no sound on this device: the alert is still shown */ }
            """;

    private final StaffSession session;
    private final Set<Long> seen = new HashSet<>();
    private final Paragraph alert = new Paragraph();
    private final UnorderedList list = new UnorderedList();
    private final Paragraph notice = Desk.notice("help-notice");
    private int chimes;

    HelpCallsPanel(StaffSession session) {
        this.session = session;
        setId("help-calls");
        addClassName("help-calls");
        getElement().setAttribute("aria-labelledby", "help-calls-heading");
        H2 heading = new H2(getTranslation("staff.help.heading"));
        heading.setId("help-calls-heading");
        alert.setId("help-alert");
        alert.addClassName("help-alert");
        alert.getElement().setAttribute("role", "alert");
        alert.setVisible(false);
        add(heading, alert, notice, list);
        setVisible(false);
    }

    void refresh() {
        Desk.act(this, words -> Desk.say(notice, words), () -> show(session.client().openHelpCalls(session.site().id())));
    }

    private void show(List<HelpCall> calls) {
        list.removeAll();
        boolean fresh = false;
        for (HelpCall call : calls) {
            fresh |= seen.add(call.id()) && !call.acknowledged();
            list.add(item(call));
        }
        setVisible(!calls.isEmpty());
        boolean waiting = calls.stream().anyMatch(call -> !call.acknowledged());
        alert.setVisible(waiting);
        if (waiting) {
            alert.setText(getTranslation("staff.help.alert", calls.stream().filter(c -> !c.acknowledged()).count()));
        }
        if (fresh) {
            chimes++;
            getElement().setAttribute("data-chimes", Integer.toString(chimes));
            getUI().ifPresent(ui -> ui.getPage().executeJs(CHIME));
        }
    }

    private ListItem item(HelpCall call) {
        ListItem item = new ListItem();
        item.setId("help-call-" + call.id());
        item.addClassName(call.acknowledged() ? "acknowledged" : "waiting");
        Span what = new Span(Desk.data(call.kioskName()), new Span(" · "),
                Desk.data(Desk.time(call.createdAt(), session.site().zone())), new Span(" · "),
                new Span(call.acknowledged() ? getTranslation("staff.help.acknowledgedBy", call.acknowledgedBy())
                        : getTranslation("staff.help.waiting")));
        Div actions = new Div();
        actions.addClassName("actions");
        if (!call.acknowledged()) {
            actions.add(Desk.button("help-ack-" + call.id(), VaadinIcon.HAND, getTranslation("staff.help.acknowledge"),
                    () -> Desk.act(this, words -> Desk.say(notice, words), () -> {
                        session.client().acknowledge(call.id());
                        refresh();
                    })));
        }
        actions.add(Desk.button("help-resolve-" + call.id(), VaadinIcon.CHECK, getTranslation("staff.help.resolve"),
                () -> Desk.act(this, words -> Desk.say(notice, words), () -> {
                    session.client().resolve(call.id());
                    refresh();
                })));
        item.add(what, actions);
        return item;
    }
}
