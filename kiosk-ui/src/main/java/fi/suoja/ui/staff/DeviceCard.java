package fi.suoja.ui.staff;

import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import fi.suoja.ui.server.Device;

import java.time.ZoneId;
import java.util.Locale;
import java.util.function.Function;

/**
 * One device on the board: state in words, online or not, battery, last seen, the loan and its
 * due time, and the staff actions its state allows. Every action asks for confirmation first;
 * marking faulty and retiring also ask why.
 */
class DeviceCard extends Article {

    private final DevicesView view;
    private final StaffSession session;
    private Device device;
    /** A confirmation is open: a live update of the same state must not take it away from under the user. */
    private boolean confirming;

    DeviceCard(DevicesView view, StaffSession session) {
        this.view = view;
        this.session = session;
        addClassName("device-card");
    }

    /** A change reported by the server: shown at once, unless it would close an open question without need. */
    void changed(Device shown) {
        if (confirming && shown.state().equals(device.state())) {
            device = shown;
            return;
        }
        show(shown);
    }

    void show(Device shown) {
        device = shown;
        confirming = false;
        removeAll();
        setId("device-" + device.tag());
        getElement().setAttribute("data-state", device.state());
        getClassNames().removeIf(name -> name.startsWith("state-"));
        addClassName("state-" + device.state().toLowerCase(Locale.ROOT).replace('_', '-'));
        ZoneId zone = session.site().zone();

        H3 title = new H3(Desk.data(device.tag()), new Span(" · "), new Span(getTranslation("staff.kind." + device.kind())));
        Paragraph state = new Paragraph(getTranslation("staff.state." + device.state()));
        state.setId("state-" + device.tag());
        state.addClassName("device-state");
        Div facts = new Div();
        facts.addClassName("device-facts");
        if (device.agentManaged()) {
            facts.add(new Paragraph(getTranslation(device.online() ? "staff.device.online" : "staff.device.offline")));
            facts.add(new Paragraph(device.batteryPercent() == null ? getTranslation("staff.device.noBattery")
                    : getTranslation("staff.device.battery", device.batteryPercent())));
            facts.add(new Paragraph(device.lastSeenAt() == null ? getTranslation("staff.device.neverSeen")
                    : getTranslation("staff.device.lastSeen", Desk.time(device.lastSeenAt(), zone))));
        }
        if (device.onLoan()) {
            Paragraph loan = new Paragraph(getTranslation(device.walkIn() ? "staff.device.loanWalkIn" : "staff.device.loanBooking",
                    Desk.time(device.loanDue(), zone)));
            loan.setId("loan-" + device.tag());
            facts.add(loan);
        }
        if (device.wipeState() != null) {
            facts.add(new Paragraph(getTranslation("staff.device.wipe." + device.wipeState())));
        }
        if (device.stateReason() != null && !device.stateReason().isBlank()) {
            Paragraph reason = new Paragraph(Desk.data(device.stateReason()));
            reason.addClassName("device-reason");
            facts.add(reason);
        }
        add(title, state, facts, actions());
    }

    private Div actions() {
        Div actions = new Div();
        actions.addClassName("actions");
        String tag = device.tag();
        switch (device.state()) {
            case "READY", "WIPE_PENDING", "WIPING", "PROVISIONED" -> actions.add(Desk.button("wipe-" + tag, VaadinIcon.ERASER,
                    getTranslation("staff.action.wipe"), () -> confirm("staff.confirm.wipe", false,
                            reason -> session.client().wipeNow(device.id()))));
            default -> { }
        }
        if (!device.state().equals("FAULTY") && !device.state().equals("RETIRED")) {
            actions.add(Desk.button("faulty-" + tag, VaadinIcon.WARNING, getTranslation("staff.action.faulty"),
                    () -> confirm("staff.confirm.faulty", true, reason -> session.client().markFaulty(device.id(), reason))));
        }
        if (device.state().equals("FAULTY") || device.state().equals("WIPE_FAILED")) {
            actions.add(Desk.button("repaired-" + tag, VaadinIcon.WRENCH, getTranslation("staff.action.repaired"),
                    () -> confirm("staff.confirm.repaired", false, reason -> session.client().repaired(device.id()))));
        }
        if (session.login().admin() && !device.state().equals("RETIRED")) {
            actions.add(Desk.button("retire-" + tag, VaadinIcon.ARCHIVE, getTranslation("staff.action.retire"),
                    () -> confirm("staff.confirm.retire", true, reason -> session.client().retire(device.id(), reason))));
        }
        return actions;
    }

    /** Replaces the actions with a question, an optional reason, and yes / no. */
    private void confirm(String questionKey, boolean askWhy, Function<String, Device> action) {
        getChildren().filter(c -> c.hasClassName("actions")).toList().forEach(this::remove);
        confirming = true;
        Div confirm = new Div();
        confirm.setId("confirm-" + device.tag());
        confirm.addClassNames("confirmation", "actions");
        Paragraph question = new Paragraph(getTranslation(questionKey, device.tag()));
        confirm.add(question);
        TextField why = new TextField(getTranslation("staff.confirm.why"));
        why.setId("why-" + device.tag());
        why.setMaxLength(300);
        if (askWhy) {
            confirm.add(why);
        }
        confirm.add(Desk.button("yes-" + device.tag(), VaadinIcon.CHECK, getTranslation("staff.confirm.yes"), () -> {
            if (askWhy && why.getValue().isBlank()) {
                view.say(getTranslation("staff.confirm.whyMissing"));
                return;
            }
            Desk.act(this, view::say, () -> {
                Device changed = action.apply(why.getValue().strip());
                view.say(getTranslation("staff.done.device", changed.tag(), getTranslation("staff.state." + changed.state())));
                show(changed);
            });
        }));
        confirm.add(Desk.button("no-" + device.tag(), VaadinIcon.CLOSE, getTranslation("staff.confirm.no"), () -> show(device)));
        add(confirm);
    }
}
