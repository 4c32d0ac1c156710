package fi.suoja.ui.staff;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import fi.suoja.ui.server.AlertChange;
import fi.suoja.ui.server.AlertCode;
import fi.suoja.ui.server.StaffAlert;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Open alerts about the library's doors and signs (a code that did not reach a lock, a lock that
 * does not answer), on every staff page until someone acknowledges them, as the server's event
 * stream tells them (pushed to the browser at once, no polling): an alert acknowledged at another
 * desk leaves this one too. The server sends what each alert is about as a code with its parameters;
 * the panel words it in the desk's language, at the library's local time. Only an alert from before
 * codes ({@link AlertCode#LEGACY}) has no words but the server's English text, shown as such.
 */
class DoorAlertsPanel extends Section {

    private final StaffSession session;
    /** The open alerts by id. */
    private final Map<Long, StaffAlert> alerts = new LinkedHashMap<>();
    private final UnorderedList list = new UnorderedList();
    private final Paragraph notice = Desk.notice("alerts-notice");
    private final Following events = new Following();

    DoorAlertsPanel(StaffSession session) {
        this.session = session;
        setId("door-alerts");
        addClassName("door-alerts");
        getElement().setAttribute("aria-labelledby", "door-alerts-heading");
        H2 heading = new H2(getTranslation("staff.alerts.heading"));
        heading.setId("door-alerts-heading");
        add(heading, notice, list);
        setVisible(false);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        events.start(session.client().followAlerts(session.site().id(),
                open -> ui.access(() -> replace(open)), change -> ui.access(() -> merge(change))));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        events.stop();
    }

    /** Whether the panel follows the server's alerts right now. */
    boolean live() {
        return events.live();
    }

    /** The open alerts as the stream starts (again): any not among them was acknowledged meanwhile. */
    private void replace(List<StaffAlert> open) {
        alerts.clear();
        open.forEach(alert -> alerts.put(alert.id(), alert));
        redraw();
    }

    private void merge(AlertChange change) {
        if (change.open()) {
            alerts.put(change.alert().id(), change.alert());
        } else {
            alerts.remove(change.alert().id());
        }
        redraw();
    }

    private void redraw() {
        list.removeAll();
        alerts.values().stream().sorted(Comparator.comparing(StaffAlert::raisedAt, Comparator.nullsLast(Comparator.naturalOrder())))
                .forEach(alert -> list.add(item(alert)));
        setVisible(!alerts.isEmpty());
    }

    /** What the alert is about in the desk's language, from its code and parameters. */
    private Span words(StaffAlert alert) {
        AlertCode code = alert.code() == null ? AlertCode.UNKNOWN : alert.code();
        int attempts = alert.attempts() == null ? 0 : alert.attempts();
        String subject = alert.subject() == null ? "" : alert.subject();
        Span words = new Span();
        words.addClassName("alert-words");
        switch (code) {
            case CODE_NOT_SET, CODE_NOT_REVOKED, DOOR_NOT_OPENED, SIGN_NOT_CHANGED, CANCELLED_CODE_MAY_OPEN -> {
                words.add(new Span(getTranslation("staff.alert." + code)));
                if (alert.failure() != null) {
                    words.add(new Span(" "), new Span(getTranslation("staff.alert.tries", attempts,
                            getTranslation("staff.alert.failure." + alert.failure()))));
                }
            }
            case CODES_GUESSED, PASSWORDS_GUESSED, NAMES_GUESSED ->
                    words.add(new Span(getTranslation("staff.alert." + code, subject, attempts)));
            // the server's English sentence, marked as its own words and as English (for screen readers)
            case LEGACY -> {
                Span old = Desk.data(alert.message() == null ? "" : alert.message());
                old.getElement().setAttribute("lang", "en");
                words.add(new Span(getTranslation("staff.alert.LEGACY")), new Span(" "), old);
            }
            case UNKNOWN -> words.add(new Span(getTranslation("staff.alert.UNKNOWN")));
        }
        return words;
    }

    private ListItem item(StaffAlert alert) {
        ListItem item = new ListItem();
        item.setId("alert-" + alert.id());
        Span what = new Span(Desk.data(alert.roomName() == null ? "" : alert.roomName()), new Span(" · "),
                Desk.data(Desk.time(alert.raisedAt(), session.site().zone())), new Span(" · "));
        what.add(words(alert));
        item.add(what, Desk.button("alert-ack-" + alert.id(), VaadinIcon.CHECK, getTranslation("staff.alerts.acknowledge"),
                () -> Desk.act(this, words -> Desk.say(notice, words), () -> {
                    session.client().acknowledgeAlert(alert.id());
                    alerts.remove(alert.id());
                    redraw();
                })));
        return item;
    }
}
