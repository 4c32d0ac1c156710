package fi.suoja.ui.staff;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.RouterLink;
import fi.suoja.ui.server.ServerProblem;

import java.util.Set;
import java.util.function.Consumer;

/**
 * What every administration page shares: only administrators get past it (a staff member is told
 * so in words, nothing else is built), the administration pages' own links, one notice for what
 * happened, a confirmation for what cannot be undone, and refusals of the server in the words of
 * the form they came from.
 */
abstract class AdminPage extends Div implements BeforeEnterObserver, HasDynamicTitle {

    /** Broken rules the server names (problem {@code rule}) that the desk explains on its own. */
    private static final Set<String> RULES = Set.of("slot-step", "min-booking", "max-booking", "days-ahead", "buffer",
            "check-in-grace", "door-code-lead", "per-card", "retention-days");

    private final String titleKey;
    final Paragraph notice = Desk.notice("admin-notice");
    private final Div confirmation = new Div();
    private boolean built;

    AdminPage(String titleKey) {
        this.titleKey = titleKey;
        addClassName("admin");
        confirmation.setId("confirm");
        confirmation.addClassName("admin-confirm");
        confirmation.getElement().setAttribute("role", "alertdialog");
        confirmation.getElement().setAttribute("aria-labelledby", "confirm-question");
        confirmation.setVisible(false);
    }

    @Override
    public String getPageTitle() {
        return getTranslation(titleKey);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        StaffSession session = StaffSession.current().orElse(null);
        if (session == null || built) {
            return; // the layout sends the visitor to the login page
        }
        built = true;
        H1 heading = new H1(getTranslation(titleKey));
        heading.setId("admin-heading");
        if (!session.login().admin()) {
            Paragraph refused = new Paragraph(getTranslation("staff.admin.onlyAdmins"));
            refused.setId("admin-refused");
            refused.addClassName("desk-notice");
            refused.getElement().setAttribute("role", "alert");
            add(heading, refused);
            return;
        }
        add(heading, pages(), notice, confirmation);
        build(session);
    }

    /** Builds the page for an administrator. */
    abstract void build(StaffSession session);

    /**
     * The administration pages as a list of links, each an item of its own, so they never run
     * together, whether seen, read aloud or copied as text.
     */
    private Nav pages() {
        Nav pages = new Nav();
        pages.addClassName("admin-pages");
        pages.getElement().setAttribute("aria-label", getTranslation("staff.admin.pages"));
        UnorderedList list = new UnorderedList(link("admin-rooms", "staff.admin.rooms.title", AdminRoomsView.class),
                link("admin-rules", "staff.admin.rules.title", AdminRulesView.class),
                link("admin-devices", "staff.admin.devices.title", AdminDevicesView.class),
                link("admin-kiosks", "staff.admin.kiosks.title", AdminKiosksView.class),
                link("admin-accounts", "staff.admin.accounts.title", AdminAccountsView.class),
                link("admin-audit", "staff.admin.audit.title", AdminAuditView.class));
        pages.add(list);
        return pages;
    }

    private ListItem link(String id, String key, Class<? extends Component> page) {
        RouterLink link = new RouterLink(getTranslation(key), page);
        link.setId(id);
        if (page.equals(getClass())) {
            link.getElement().setAttribute("aria-current", "page");
        }
        return new ListItem(link);
    }

    /**
     * Runs {@code action} for the form {@code form}; a refusal is said in the notice in words that
     * fit the form. Returns whether it worked; on failure the form keeps what was typed.
     */
    boolean act(String form, Runnable action) {
        notice.setVisible(false);
        ServerProblem[] refused = new ServerProblem[1];
        Consumer<String> say = words -> Desk.say(notice, words);
        boolean done = Desk.act(this, say, () -> {
            try {
                action.run();
            } catch (ServerProblem problem) {
                refused[0] = problem;
            }
        });
        if (refused[0] != null) {
            say.accept(explain(form, refused[0]));
            notice.addClassName("refused");
            return false;
        }
        notice.removeClassName("refused");
        return done;
    }

    /** Says why nothing was sent: the form is not filled in enough to ask the server. */
    void refuse(String key) {
        notice.addClassName("refused");
        Desk.say(notice, getTranslation(key));
    }

    /** Says what was done. */
    void done(String key, Object... params) {
        notice.removeClassName("refused");
        Desk.say(notice, getTranslation(key, params));
    }

    private String explain(String form, ServerProblem problem) {
        if (problem.rule() != null && RULES.contains(problem.rule())) {
            return getTranslation("staff.admin.rule." + problem.rule());
        }
        return switch (problem.type()) {
            case "invalid-request", "malformed-body" -> getTranslation("staff.admin.invalid." + form);
            case "already-exists" -> getTranslation("staff.admin.exists." + form);
            case "not-found", "unknown-device" -> getTranslation("staff.admin.gone");
            case "not-allowed" -> getTranslation("staff.admin.onlyAdmins");
            default -> Desk.explain(this, problem);
        };
    }

    /** Asks {@code question} with yes and no; only yes runs {@code yes}. */
    void confirm(String question, Runnable yes) {
        confirmation.removeAll();
        Paragraph asked = new Paragraph(question);
        asked.setId("confirm-question");
        NativeButton agree = Desk.button("confirm-yes", VaadinIcon.CHECK, getTranslation("staff.admin.yes"), () -> {
            confirmation.setVisible(false);
            yes.run();
        });
        NativeButton refuse = Desk.button("confirm-no", VaadinIcon.CLOSE, getTranslation("staff.admin.no"),
                () -> confirmation.setVisible(false));
        Div buttons = new Div(agree, refuse);
        buttons.addClassName("actions");
        confirmation.add(asked, buttons);
        confirmation.setVisible(true);
        refuse.focus();
    }
}
