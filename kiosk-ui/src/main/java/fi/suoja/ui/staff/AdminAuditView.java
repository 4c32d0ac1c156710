package fi.suoja.ui.staff;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;
import fi.suoja.ui.server.AuditEntry;
import fi.suoja.ui.server.Role;
import fi.suoja.ui.server.AuditPage;
import fi.suoja.ui.server.Site;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The audit log for administrators: what staff and admins did, who, when (in the library's time),
 * from which desk, to what; newest first, by period, person and kind of action, a page at a time.
 */
@Route(value = "staff/admin/audit", layout = StaffLayout.class)
public class AdminAuditView extends AdminPage {

    /** The server's kinds of action, each with a translation. */
    static final List<String> ACTIONS = Arrays.stream(AuditEntry.Action.values())
            .filter(a -> a != AuditEntry.Action.UNKNOWN).map(Enum::name).toList();
    static final String ANY = "";
    private static final List<Integer> PERIODS = List.of(1, 7, 30, 365);
    private static final int PAGE_SIZE = 50;

    private final UnorderedList list = new UnorderedList();
    private final Paragraph empty = new Paragraph();
    private final Div pager = new Div();
    private StaffSession session;
    private Select<Integer> period;
    private TextField actor;
    private Select<String> action;
    private int page;

    public AdminAuditView() {
        super("staff.admin.audit.title");
        list.setId("audit-entries");
        list.addClassName("admin-list");
        empty.setId("audit-empty");
        pager.addClassName("actions");
    }

    @Override
    void build(StaffSession session) {
        this.session = session;
        period = new Select<>();
        period.setId("audit-period");
        period.setLabel(getTranslation("staff.admin.audit.period"));
        period.setItems(PERIODS);
        period.setItemLabelGenerator(days -> days == 1 ? getTranslation("staff.admin.audit.today")
                : getTranslation("staff.admin.audit.days", days));
        period.setValue(7);
        actor = new TextField(getTranslation("staff.admin.audit.actor"));
        actor.setId("audit-actor");
        actor.setMaxLength(60);
        actor.setHelperText(getTranslation("staff.admin.audit.actorHint"));
        action = new Select<>();
        action.setId("audit-action");
        action.setLabel(getTranslation("staff.admin.audit.action"));
        List<String> choices = new java.util.ArrayList<>(List.of(ANY));
        choices.addAll(ACTIONS);
        action.setItems(choices);
        action.setItemLabelGenerator(a -> a.isEmpty() ? getTranslation("staff.admin.audit.anyAction")
                : getTranslation("staff.audit.action." + a));
        action.setValue(ANY);
        Div fields = new Div(period, actor, action);
        fields.addClassName("admin-form");
        Div actions = new Div(Desk.button("audit-show", VaadinIcon.SEARCH, getTranslation("staff.admin.audit.show"), () -> {
            page = 0;
            refresh();
        }));
        actions.addClassName("actions");
        H2 heading = new H2(getTranslation("staff.admin.audit.heading"));
        add(fields, actions, heading, empty, list, pager);
        refresh();
    }

    private void refresh() {
        list.removeAll();
        pager.removeAll();
        empty.setVisible(false);
        ZoneId zone = session.site().zone();
        Instant to = StaffServices.current().clock().instant().plusSeconds(60);
        Instant from = LocalDate.ofInstant(to, zone).minusDays(period.getValue() - 1L).atStartOfDay(zone).toInstant();
        AuditPage[] found = new AuditPage[1];
        act("audit", () -> found[0] = session.client().audit(from, to, actor.getValue(),
                ANY.equals(action.getValue()) ? null : AuditEntry.Action.valueOf(action.getValue()), page, PAGE_SIZE));
        if (found[0] == null) {
            return;
        }
        Map<Long, ZoneId> zones = zones();
        for (AuditEntry entry : found[0].entries()) {
            list.add(item(entry, entry.siteId() == null ? zone : zones.getOrDefault(entry.siteId(), zone)));
        }
        if (found[0].entries().isEmpty()) {
            empty.setText(getTranslation("staff.admin.audit.none"));
            empty.setVisible(true);
        }
        if (page > 0) {
            pager.add(Desk.button("audit-newer", VaadinIcon.ARROW_LEFT, getTranslation("staff.admin.audit.newer"), () -> {
                page--;
                refresh();
            }));
        }
        if (found[0].more()) {
            pager.add(Desk.button("audit-older", VaadinIcon.ARROW_RIGHT, getTranslation("staff.admin.audit.older"), () -> {
                page++;
                refresh();
            }));
        }
    }

    /** Each library's time zone: an entry is shown in the time of the library it is about. */
    private Map<Long, ZoneId> zones() {
        Map<Long, ZoneId> zones = new HashMap<>();
        for (Site site : session.client().sites()) {
            zones.put(site.id(), site.zone());
        }
        return zones;
    }

    /** The server's parameters: a device kind and a role in words, anything else (names, times, reasons) as data. */
    private Span detail(AuditEntry entry) {
        return switch (entry.action()) {
            case DEVICE_REGISTERED -> new Span(getTranslation("staff.kind." + entry.detail()));
            case ACCOUNT_CREATED -> new Span(getTranslation(Role.ADMIN.name().equals(entry.detail()) ? "staff.role.admin" : "staff.role.staff"));
            default -> Desk.data(entry.detail());
        };
    }

    private ListItem item(AuditEntry entry, ZoneId zone) {
        String what = getTranslation("staff.audit.action." + entry.action());
        Paragraph line = new Paragraph(Desk.data(Desk.day(entry.at(), zone)), new Span(" · "), new Span(what));
        line.addClassName("audit-what");
        // "system": the server itself, at its first start
        Paragraph who = new Paragraph(new Span(getTranslation("staff.admin.audit.by")), new Span(" "),
                "system".equals(entry.actor()) ? new Span(getTranslation("staff.admin.audit.system")) : Desk.data(entry.actor()));
        if (entry.desk() != null) {
            who.add(new Span(" · "), Desk.data(entry.desk()));
        }
        ListItem item = new ListItem(line, who);
        if (entry.targetKind() != null) {
            Paragraph target = new Paragraph(new Span(getTranslation("staff.audit.target." + entry.targetKind())), new Span(" "),
                    Desk.data(entry.targetId()));
            if (entry.detail() != null) {
                target.add(new Span(" · "), detail(entry));
            }
            item.add(target);
        }
        item.setId("audit-" + entry.id());
        item.addClassName("audit-entry");
        return item;
    }
}
