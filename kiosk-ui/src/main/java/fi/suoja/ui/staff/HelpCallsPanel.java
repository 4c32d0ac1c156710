package fi.suoja.ui.staff;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import fi.suoja.ui.server.HelpCall;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Help calls from the library's kiosks, on every staff page, as the server's event stream tells
 * them (pushed to the browser at once, no polling). Each shows the kiosk, the screen the visitor
 * was on, their language and how long they have waited. A call not seen before raises a visible
 * alert and a short tone (Web Audio, no files or packages); each can be acknowledged ("I am
 * coming") and resolved. A call the visitor cancelled, or the server closed, stays until seen.
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
    /** How often the waiting times are drawn again; they are shown in whole minutes. */
    private static final Duration TICK = Duration.ofSeconds(15);

    private final StaffSession session;
    /** Open calls, and calls the visitor or the server closed that staff have not seen yet, by id. */
    private final Map<Long, HelpCall> calls = new LinkedHashMap<>();
    private final Set<Long> chimed = new HashSet<>();
    private final Map<Long, Shown> shown = new HashMap<>();
    private final Paragraph alert = new Paragraph();
    private final UnorderedList list = new UnorderedList();
    private final Paragraph notice = Desk.notice("help-notice");
    private int chimes;
    private final Following events = new Following();
    private ScheduledExecutorService ticker;

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

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        events.start(session.client().followHelpCalls(session.site().id(),
                state -> ui.access(() -> replace(state)), change -> ui.access(() -> merge(change))));
        ticker = Executors.newSingleThreadScheduledExecutor(run -> {
            Thread thread = new Thread(run, "help-call-times");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleWithFixedDelay(() -> ui.access(this::redraw), TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        events.stop();
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
    }

    /** Whether the panel follows the server's help calls right now. */
    boolean live() {
        return events.live();
    }

    /**
     * The library's open calls as the stream starts (again): those not among them were closed
     * while the stream was down; what was closed before our eyes stays until seen.
     */
    private void replace(List<HelpCall> open) {
        calls.values().removeIf(HelpCall::open);
        open.forEach(this::keep);
        redraw();
    }

    private void merge(HelpCall change) {
        HelpCall known = calls.get(change.id());
        HelpCall latest = known == null ? change : known.newer(change);
        boolean closedBeforeOurEyes = known != null && known.open()
                && (latest.status() == HelpCall.Status.CANCELLED || latest.status() == HelpCall.Status.EXPIRED);
        if (latest.open() || closedBeforeOurEyes) {
            calls.put(latest.id(), latest);
        } else {
            calls.remove(latest.id());
        }
        redraw();
    }

    private void keep(HelpCall call) {
        HelpCall known = calls.get(call.id());
        calls.put(call.id(), known == null ? call : known.newer(call));
    }

    /**
     * Draws the calls, oldest first, with how long each has waited by now; a call not seen before
     * chimes. A call whose state has not changed keeps its item (only its waiting time is written
     * again), so a button under the pointer or with the keyboard's focus stays where it is.
     */
    void redraw() {
        shown.keySet().removeIf(id -> {
            boolean gone = !calls.containsKey(id);
            if (gone) {
                list.remove(shown.get(id).item());
            }
            return gone;
        });
        List<HelpCall> ordered = new ArrayList<>(calls.values());
        ordered.sort(Comparator.comparing(HelpCall::createdAt));
        boolean fresh = false;
        for (int at = 0; at < ordered.size(); at++) {
            HelpCall call = ordered.get(at);
            fresh |= call.status() == HelpCall.Status.OPEN && chimed.add(call.id());
            Shown before = shown.get(call.id());
            if (before != null && before.call().status() == call.status()) {
                if (before.waited() != null) {
                    before.waited().setText(waited(call.createdAt()));
                }
                continue;
            }
            if (before != null) {
                list.remove(before.item());
            }
            // every call before this one is in place already, so this is its place
            Shown now = item(call);
            list.addComponentAtIndex(at, now.item());
            shown.put(call.id(), now);
        }
        setVisible(!ordered.isEmpty());
        long waiting = ordered.stream().filter(c -> c.status() == HelpCall.Status.OPEN).count();
        alert.setVisible(waiting > 0);
        if (waiting > 0) {
            alert.setText(getTranslation("staff.help.alert", waiting));
        }
        if (fresh) {
            chimes++;
            getElement().setAttribute("data-chimes", Integer.toString(chimes));
            getUI().ifPresent(ui -> ui.getPage().executeJs(CHIME));
        }
    }

    /** A call as drawn: its item, and the text that says how long the visitor has waited (none once it is closed). */
    private record Shown(HelpCall call, ListItem item, Span waited) {
    }

    private Shown item(HelpCall call) {
        ListItem item = new ListItem();
        item.setId("help-call-" + call.id());
        item.addClassName(call.open() ? (call.acknowledged() ? "acknowledged" : "waiting") : "closed");
        Span where = new Span(Desk.data(call.kioskName()), new Span(" · "),
                new Span(getTranslation("staff.help.on", getTranslation("staff.help.screen." + (call.screen() == null ? "OTHER" : call.screen())))),
                new Span(" · "),
                new Span(getTranslation("staff.help.in", call.language() == null ? getTranslation("staff.help.unknown")
                        : getTranslation("staff.help.language." + call.language()))));
        where.addClassName("help-where");
        Span waited = call.open() ? new Span(waited(call.createdAt())) : null;
        Span state = new Span(new Span(getTranslation("staff.help.askedAt", Desk.time(call.createdAt(), session.site().zone()))),
                new Span(" · "));
        switch (call.status()) {
            case OPEN -> state.add(waited);
            case ACKNOWLEDGED -> state.add(new Span(getTranslation("staff.help.acknowledgedBy", call.acknowledgedBy())),
                    new Span(" · "), waited);
            case CANCELLED -> state.add(new Span(getTranslation("staff.help.cancelled")));
            case EXPIRED -> state.add(new Span(getTranslation("staff.help.expired")));
            case RESOLVED -> state.add(new Span(getTranslation("staff.help.resolve")));
        }
        state.setId("help-state-" + call.id());
        Div actions = new Div();
        actions.addClassName("actions");
        switch (call.status()) {
            case OPEN -> actions.add(acknowledge(call), resolve(call));
            case ACKNOWLEDGED -> actions.add(resolve(call));
            case CANCELLED, EXPIRED -> actions.add(Desk.button("help-seen-" + call.id(), VaadinIcon.CHECK,
                    getTranslation("staff.help.dismiss"), () -> {
                        calls.remove(call.id());
                        redraw();
                    }));
            case RESOLVED -> { }
        }
        item.add(where, state, actions);
        return new Shown(call, item, waited);
    }

    /** "waiting 3 min", from the desk's clock. */
    private String waited(Instant since) {
        long minutes = Duration.between(since, StaffServices.current().clock().instant()).toMinutes();
        return minutes < 1 ? getTranslation("staff.help.waitingNow") : getTranslation("staff.help.waitingFor", minutes);
    }

    private NativeButton acknowledge(HelpCall call) {
        return Desk.button("help-ack-" + call.id(), VaadinIcon.HAND, getTranslation("staff.help.acknowledge"),
                () -> Desk.act(this, words -> Desk.say(notice, words), () -> merge(session.client().acknowledge(call.id()))));
    }

    private NativeButton resolve(HelpCall call) {
        return Desk.button("help-resolve-" + call.id(), VaadinIcon.CHECK, getTranslation("staff.help.resolve"),
                () -> Desk.act(this, words -> Desk.say(notice, words), () -> merge(session.client().resolve(call.id()))));
    }
}
