package fi.suoja.ui.staff;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import fi.suoja.ui.server.StaffAlert;

import java.util.List;

/**
 * Open alerts about the library's doors and signs (a code that did not reach a lock, a lock that
 * does not answer), on every staff page until someone acknowledges them. The server's own words
 * are shown as they are, after the room's name.
 */
class DoorAlertsPanel extends Section {

    private final StaffSession session;
    private final UnorderedList list = new UnorderedList();
    private final Paragraph notice = Desk.notice("alerts-notice");

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

    void refresh() {
        Desk.act(this, words -> Desk.say(notice, words), () -> show(session.client().openAlerts(session.site().id())));
    }

    private void show(List<StaffAlert> alerts) {
        list.removeAll();
        for (StaffAlert alert : alerts) {
            ListItem item = new ListItem();
            item.setId("alert-" + alert.id());
            Span what = new Span(Desk.data(alert.roomName() == null ? "" : alert.roomName()), new Span(" · "),
                    Desk.data(Desk.time(alert.raisedAt(), session.site().zone())), new Span(" · "), Desk.data(alert.message()));
            item.add(what, Desk.button("alert-ack-" + alert.id(), VaadinIcon.CHECK, getTranslation("staff.alerts.acknowledge"),
                    () -> Desk.act(this, words -> Desk.say(notice, words), () -> {
                        session.client().acknowledgeAlert(alert.id());
                        refresh();
                    })));
            list.add(item);
        }
        setVisible(!alerts.isEmpty());
    }
}
