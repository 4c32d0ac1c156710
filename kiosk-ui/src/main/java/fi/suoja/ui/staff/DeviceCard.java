package fi.suoja.ui.staff;

import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import fi.suoja.ui.server.Booking;
import fi.suoja.ui.server.Device;
import fi.suoja.ui.server.DeviceHistory;
import fi.suoja.ui.server.DeviceState;
import fi.suoja.ui.server.RefusalKind;
import fi.suoja.ui.server.StaffAction;
import fi.suoja.ui.server.WipeJobState;
import fi.suoja.ui.server.WipeMethod;
import fi.suoja.ui.server.WipeReport;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One device on the board: state in words, online or not, battery, last seen, the loan (with
 * today's booking it belongs to) and its due time, the last wipe, and a button for each staff
 * action the server lists for the device now ({@link Device#actions()}): the card knows no rule of
 * the lifecycle. Every action asks for confirmation first; marking faulty and retiring also ask why.
 * The device's wipe reports open on the card, and so does its history (loans, wipes, faults and
 * repairs, newest first), which stays open and follows the device's live changes until closed.
 */
class DeviceCard extends Article {

    private final DevicesView view;
    private final StaffSession session;
    private Device device;
    /** A confirmation is open: a live update of the same state must not take it away from under the user. */
    private boolean confirming;
    /** The history is open: it is read again with each change of the device, until staff close it. */
    private boolean historyOpen;

    /** How many of the newest entries of a device's history the card shows. */
    static final int HISTORY_LIMIT = 50;

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
            // Only when it is away: the server writes an online laptop's heartbeats in batches and does
            // not announce them, so a "last seen" beside "online" would stand still on the board.
            if (!device.online()) {
                facts.add(new Paragraph(device.lastSeenAt() == null ? getTranslation("staff.device.neverSeen")
                        : getTranslation("staff.device.lastSeen", Desk.time(device.lastSeenAt(), zone))));
            }
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
            // a webcam or headset is not sent anything: it waits for a staff member to check it by hand
            Paragraph wipe = new Paragraph(getTranslation(device.agentManaged() ? "staff.device.wipe." + device.wipe().state()
                    : "staff.device.wipe.toCheck"));
            wipe.setId("wipe-state-" + device.tag());
            facts.add(wipe);
        }
        if (device.state() == DeviceState.WIPE_PENDING || device.state() == DeviceState.WIPING) {
            // since when: a wipe that has run long stands out from one that has just begun
            Paragraph since = new Paragraph(getTranslation("staff.device.since", Desk.day(device.stateChangedAt(), zone)));
            since.setId("since-" + device.tag());
            facts.add(since);
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
        if (historyOpen) {
            history();
        }
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
        actions.add(Desk.button("history-" + tag, VaadinIcon.TIME_BACKWARD, getTranslation("staff.action.history"), () -> {
            historyOpen = true;
            history();
        }));
        if (device.lastWipe() != null) {
            actions.add(Desk.button("reports-" + tag, VaadinIcon.LIST, getTranslation("staff.action.reports"), this::reports));
        }
        if (retire != null) {
            actions.add(retire);
        }
        return actions;
    }

    private static String seconds(long millis) {
        return Desk.seconds(millis);
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

    /**
     * The device's history as the server keeps it, newest first, each entry in the desk's words and
     * the library's time: when it began, what it was, and its details (who, until when, how long).
     */
    private void history() {
        String tag = device.tag();
        Desk.act(this, view::say, () -> {
            DeviceHistory history = session.client().deviceHistory(device.id(), HISTORY_LIMIT);
            getChildren().filter(c -> "history".equals(c.getElement().getAttribute("data-part"))).toList().forEach(this::remove);
            Section box = new Section();
            box.setId("history-of-" + tag);
            box.addClassName("device-history");
            box.getElement().setAttribute("data-part", "history");
            ZoneId zone = session.site().zone();
            Instant now = StaffServices.current().clock().instant();
            OrderedList list = new OrderedList();
            list.setId("history-list-" + tag);
            history.entries().forEach(entry -> list.add(entry(entry, zone, now)));
            box.add(new H4(getTranslation("staff.history.heading", tag)));
            if (history.entries().isEmpty()) {
                box.add(new Paragraph(getTranslation("staff.history.none")));
            } else {
                box.add(list);
            }
            if (history.more()) {
                box.add(new Paragraph(getTranslation("staff.history.more", HISTORY_LIMIT)));
            }
            box.add(Desk.button("history-close-" + tag, VaadinIcon.CLOSE, getTranslation("staff.history.close"), () -> {
                historyOpen = false;
                remove(box);
                removeClassName("history-open");
            }));
            addClassName("history-open");
            add(box);
        });
    }

    private ListItem entry(DeviceHistory.Entry entry, ZoneId zone, Instant now) {
        ListItem item = new ListItem();
        item.addClassNames("history-entry", "history-" + entry.kind().name().toLowerCase(Locale.ROOT));
        Span when = Desk.data(Desk.day(entry.at(), zone));
        when.addClassName("history-when");
        List<String> details = new ArrayList<>();
        List<ListItem> failures = new ArrayList<>();
        String what = switch (entry.kind()) {
            case LOAN -> loan(entry.loan(), zone, details);
            case WIPE -> wipe(entry.wipe(), zone, now, details, failures);
            case FAULTY -> getTranslation("staff.history.faulty", entry.staff().by());
            case REPAIRED -> getTranslation("staff.history.repaired", entry.staff().by());
            case RETIRED -> getTranslation("staff.history.retired", entry.staff().by());
            case UNKNOWN -> getTranslation("staff.history.unknown");
        };
        Span words = new Span(what);
        words.addClassName("history-what");
        item.add(when, words);
        if (!details.isEmpty()) {
            Span more = new Span(String.join(" · ", details));
            more.addClassName("history-detail");
            item.add(more);
        }
        if (!failures.isEmpty()) {
            // what kept the wipe from being verified, in the desk's language (the agent sends codes)
            UnorderedList why = new UnorderedList(failures.toArray(ListItem[]::new));
            why.addClassName("device-reason");
            item.add(why);
        }
        if (entry.staff() != null && entry.staff().text() != null && !entry.staff().text().isBlank()) {
            // the staff member's own words, as typed
            Span typed = Desk.data(entry.staff().text());
            typed.addClassName("history-detail");
            item.add(typed);
        }
        return item;
    }

    private String loan(DeviceHistory.Loan loan, ZoneId zone, List<String> details) {
        if (loan.lentBy() != null) {
            details.add(getTranslation("staff.history.lentBy", loan.lentBy()));
        }
        details.add(getTranslation("staff.history.due", Desk.day(loan.dueAt(), zone)));
        if (loan.endedAt() == null) {
            details.add(getTranslation("staff.history.stillLent"));
        } else {
            details.add(getTranslation("staff.history.loanEnd." + (loan.endedWhy() == null ? "UNKNOWN" : loan.endedWhy()),
                    Desk.day(loan.endedAt(), zone)));
            if (loan.returnedBy() != null) {
                details.add(getTranslation("staff.history.returnedBy", loan.returnedBy()));
            }
        }
        return loan.walkIn() ? getTranslation("staff.history.loan.walkIn")
                : loan.bookingCode() == null ? getTranslation("staff.history.loan.erased")
                : getTranslation("staff.history.loan.booking", loan.bookingCode());
    }

    private String wipe(DeviceHistory.Wipe wipe, ZoneId zone, Instant now, List<String> details, List<ListItem> failures) {
        boolean agent = wipe.method() != WipeMethod.STAFF_CHECK;
        if (wipe.open()) {
            details.add(getTranslation("staff.history.wipe.running", Desk.duration(this, Duration.between(wipe.startedAt(), now).toMillis())));
        } else if (agent) {
            details.add(getTranslation("staff.history.wipe.took", Desk.day(wipe.finishedAt(), zone), Desk.duration(this, wipe.tookMillis())));
        } else {
            details.add(getTranslation("staff.history.wipe.finished", Desk.day(wipe.finishedAt(), zone)));
        }
        if (wipe.attempts() > 1) {
            details.add(getTranslation("staff.history.wipe.tries", wipe.attempts()));
        }
        if (agent && wipe.durationMillis() != null) {
            details.add(getTranslation("staff.history.wipe.onDevice", Desk.duration(this, wipe.durationMillis())));
        }
        if (agent && wipe.filesRemoved() != null) {
            details.add(getTranslation("staff.history.wipe.files", wipe.filesRemoved()));
        }
        wipe.failures().forEach(kind -> failures.add(new ListItem(getTranslation("staff.wipeFailure." + kind))));
        if (!agent) {
            // a device without an agent is "wiped" by the staff member who checks it on its return
            return wipe.checkedBy() != null ? getTranslation("staff.history.wipe.checked", wipe.checkedBy())
                    : getTranslation(wipe.open() ? "staff.history.wipe.toCheck" : "staff.history.wipe.abandoned");
        }
        // a job closed without a report: the device was taken out of use while it waited
        return getTranslation(wipe.verified() == null && wipe.state() == WipeJobState.FAILED
                ? "staff.history.wipe.abandoned" : "staff.history.wipe." + wipe.state());
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
