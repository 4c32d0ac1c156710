package fi.suoja.ui.staff;

import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import fi.suoja.ui.server.Booking;
import fi.suoja.ui.server.Device;
import fi.suoja.ui.server.DeviceState;
import fi.suoja.ui.server.RefusalKind;
import fi.suoja.ui.server.StaffAction;
import fi.suoja.ui.server.WipeReport;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One device on the board: state in words, online or not, battery, last seen, the loan (with
 * today's booking it belongs to) and its due time, the last wipe, and a button for each staff
 * action the server lists for the device now ({@link Device#actions()}): the card knows no rule of
 * the lifecycle. Every action asks for confirmation first; marking faulty and retiring also ask why.
 * The device's wipe reports open on the card.
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
        if (confirming && shown.state() == device.state() && shown.actions().equals(device.actions())) {
            device = shown;
            return;
        }
        show(shown);
    }

    Device device() {
        return device;
    }

    void show(Device shown) {
        device = shown;
        confirming = false;
        removeAll();
        setId("device-" + device.tag());
        getElement().setAttribute("data-state", device.state().name());
        getClassNames().removeIf(name -> name.startsWith("state-"));
        addClassName("state-" + device.state().name().toLowerCase(Locale.ROOT).replace('_', '-'));
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
        Device.Loan lent = device.loan();
        if (lent != null) {
            Booking booking = view.bookingOf(device);
            Paragraph loan = new Paragraph(lent.walkIn()
                    ? getTranslation("staff.device.loanWalkIn", Desk.time(lent.dueAt(), zone))
                    : booking == null ? getTranslation("staff.device.loanBooking", Desk.time(lent.dueAt(), zone))
                    : getTranslation("staff.device.loanOf", booking.code(), booking.room().name(getLocale().getLanguage()), Desk.time(lent.dueAt(), zone)));
            loan.setId("loan-" + device.tag());
            facts.add(loan);
        }
        if (device.wipe() != null) {
            facts.add(new Paragraph(getTranslation("staff.device.wipe." + device.wipe().state())));
        }
        Device.LastWipe last = device.lastWipe();
        Paragraph lastWipe = new Paragraph(last == null ? getTranslation("staff.device.neverWiped")
                : getTranslation(last.verified() ? "staff.device.lastWipe" : "staff.device.lastWipeUnverified",
                Desk.day(last.finishedAt(), zone), seconds(last.durationMillis())));
        lastWipe.setId("last-wipe-" + device.tag());
        facts.add(lastWipe);
        if (device.unheard()) {
            RefusalKind refused = device.hearing().lastRefusalKind();
            Paragraph unheard = new Paragraph(new Span(getTranslation("staff.device.unheard",
                    Desk.day(device.hearing().lastRefusedAt(), zone))), new Span(" "),
                    new Span(getTranslation("staff.refusal." + (refused == null ? RefusalKind.UNKNOWN : refused))));
            unheard.setId("unheard-" + device.tag());
            unheard.addClassName("device-reason");
            facts.add(unheard);
        }
        if (device.state() == DeviceState.WIPE_FAILED && last != null && !last.failures().isEmpty()) {
            // what kept the wipe from being verified, in the desk's language (the agent sends codes)
            UnorderedList why = new UnorderedList();
            why.setId("wipe-failures-" + device.tag());
            why.addClassName("device-reason");
            last.failures().forEach(kind -> why.add(new ListItem(getTranslation("staff.wipeFailure." + kind))));
            facts.add(new Paragraph(getTranslation("staff.wipeFailure.heading")), why);
        } else if (staffWords(device)) {
            // only the reason staff typed themselves; every other state is worded above from data
            Paragraph reason = new Paragraph(Desk.data(device.stateReason()));
            reason.setId("state-reason-" + device.tag());
            reason.addClassName("device-reason");
            facts.add(reason);
        }
        add(title, state, facts, actions());
    }

    /**
     * Whether the device's state reason is a staff member's own words (why it is faulty or
     * retired). The server's other reasons are English sentences with raw instants ("Wiped and
     * verified at 2026-…Z."); the card says the same in the desk's language from the loan and
     * wipe data, so those are not shown.
     */
    static boolean staffWords(Device device) {
        return (device.state() == DeviceState.FAULTY || device.state() == DeviceState.RETIRED)
                && device.stateReason() != null && !device.stateReason().isBlank();
    }

    /** A button per action the server allows now (retiring for admins only, last), and the wipe reports where there are some. */
    private Div actions() {
        Div actions = new Div();
        actions.addClassName("actions");
        String tag = device.tag();
        NativeButton retire = null;
        for (StaffAction action : device.actions()) {
            switch (action) {
                case WIPE -> actions.add(Desk.button("wipe-" + tag, VaadinIcon.ERASER, getTranslation("staff.action.wipe"),
                        () -> confirm("staff.confirm.wipe", false, reason -> session.client().wipe(device.id()))));
                case FAULTY -> actions.add(Desk.button("faulty-" + tag, VaadinIcon.WARNING, getTranslation("staff.action.faulty"),
                        () -> confirm("staff.confirm.faulty", true, reason -> session.client().faulty(device.id(), reason))));
                case REPAIRED -> actions.add(Desk.button("repaired-" + tag, VaadinIcon.WRENCH, getTranslation("staff.action.repaired"),
                        () -> confirm("staff.confirm.repaired", false, reason -> session.client().repaired(device.id()))));
                case HEAR_AGAIN -> actions.add(Desk.button("hear-again-" + tag, VaadinIcon.CONNECT, getTranslation("staff.action.hearAgain"),
                        () -> confirm("staff.confirm.hearAgain", false, reason -> session.client().hearAgain(device.id()))));
                case RETIRE -> retire = session.login().admin() ? Desk.button("retire-" + tag, VaadinIcon.ARCHIVE,
                        getTranslation("staff.action.retire"),
                        () -> confirm("staff.confirm.retire", true, reason -> session.client().retire(device.id(), reason))) : null;
                // handing out and returning are done by scanning the tag at the top of the page; an
                // action of a newer server has no button here
                case HAND_OUT, RETURN, UNKNOWN -> { }
            }
        }
        if (device.lastWipe() != null) {
            actions.add(Desk.button("reports-" + tag, VaadinIcon.LIST, getTranslation("staff.action.reports"), this::reports));
        }
        if (retire != null) {
            actions.add(retire);
        }
        return actions;
    }

    private static String seconds(long millis) {
        return String.format(java.util.Locale.ROOT, "%.1f", millis / 1000.0);
    }

    /** The device's wipe reports, newest first, on the card until closed. */
    private void reports() {
        Desk.act(this, view::say, () -> {
            List<WipeReport> reports = session.client().wipeReports(device.id());
            getChildren().filter(c -> "reports".equals(c.getElement().getAttribute("data-part"))).toList().forEach(this::remove);
            Div box = new Div();
            box.setId("reports-of-" + device.tag());
            box.addClassName("wipe-reports");
            box.getElement().setAttribute("data-part", "reports");
            ZoneId zone = session.site().zone();
            UnorderedList list = new UnorderedList();
            for (WipeReport report : reports.subList(0, Math.min(10, reports.size()))) {
                String when = Desk.day(report.finishedAt(), zone);
                ListItem item = new ListItem(report.checkedBy() != null
                        ? getTranslation("staff.report.checked", when, report.checkedBy())
                        : getTranslation(report.verified() ? "staff.report.verified" : "staff.report.unverified", when,
                        report.filesRemoved(), seconds(report.durationMillis()), report.failures().size()));
                list.add(item);
            }
            NativeButton close = Desk.button("reports-close-" + device.tag(), VaadinIcon.CLOSE, getTranslation("staff.report.close"),
                    () -> remove(box));
            box.add(new H4(getTranslation("staff.report.heading", device.tag())), list, close);
            add(box);
        });
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
