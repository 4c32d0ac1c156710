package fi.suoja.ui.staff;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HighlightConditions;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinSession;
import fi.suoja.ui.server.Site;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The frame of every staff page: who is logged in and as what, the pages, the library, the
 * language, logout, the open help calls and door alerts. Nobody passes it without a login.
 */
@StyleSheet("context://staff.css")
public class StaffLayout extends Div implements RouterLayout, BeforeEnterObserver {

    /** The staff desk's languages: Finnish, Swedish, English. */
    static final List<Locale> LANGUAGES = List.of(Locale.forLanguageTag("fi"), Locale.forLanguageTag("sv"), Locale.ENGLISH);

    /** A moment after the session's end, so the server has surely ended it too. */
    private static final Duration SESSION_END_MARGIN = Duration.ofSeconds(1);

    private final Header header = new Header();
    private final Main content = new Main();
    private HelpCallsPanel helpCalls;
    private DoorAlertsPanel doorAlerts;
    /** The check at the session's end, while the page is shown. */
    private CompletableFuture<Void> expiry;

    public StaffLayout() {
        addClassName("staff");
        content.setId("staff-content");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (StaffSession.current().isEmpty()) {
            event.forwardTo(LoginView.class);
            return;
        }
        if (header.getChildren().findAny().isEmpty()) {
            build();
        }
    }

    private void build() {
        StaffSession session = StaffSession.current().orElseThrow();
        Nav pages = new Nav();
        pages.addClassName("staff-pages");
        pages.getElement().setAttribute("aria-label", getTranslation("staff.nav.label"));
        RouterLink today = new RouterLink(getTranslation("staff.nav.today"), TodayView.class);
        today.setId("nav-today");
        // "staff" begins every desk address: only Today itself is Today
        today.setHighlightCondition(HighlightConditions.sameLocation());
        RouterLink devices = new RouterLink(getTranslation("staff.nav.devices"), DevicesView.class);
        devices.setId("nav-devices");
        pages.add(today, devices);
        RouterLink statistics = new RouterLink(getTranslation("staff.nav.statistics"), StatisticsView.class);
        statistics.setId("nav-statistics");
        pages.add(statistics);
        if (session.login().admin()) {
            RouterLink admin = new RouterLink(getTranslation("staff.nav.admin"), AdminRoomsView.class);
            admin.setId("nav-admin");
            admin.setHighlightCondition(HighlightConditions.locationPrefix("staff/admin"));
            pages.add(admin);
        }

        Select<Site> site = new Select<>();
        site.setId("site");
        site.setLabel(getTranslation("staff.site"));
        site.setItemLabelGenerator(Site::name);
        Desk.act(this, words -> { }, () -> {
            site.setItems(session.client().sites());
            site.setValue(session.site());
        });
        site.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                session.useSite(change.getValue());
                UI.getCurrent().refreshCurrentRoute(true);
            }
        });

        Span who = new Span(Desk.data(session.login().username()),
                new Span(" · "),
                new Span(getTranslation(session.login().admin() ? "staff.role.admin" : "staff.role.staff")));
        who.setId("who");
        who.addClassName("staff-who");

        Nav languages = new Nav();
        languages.addClassName("staff-languages");
        languages.getElement().setAttribute("aria-label", getTranslation("staff.nav.languages"));
        for (Locale language : LANGUAGES) {
            NativeButton choose = new NativeButton(language.getDisplayLanguage(language));
            choose.setId("lang-" + language.getLanguage());
            choose.getElement().setAttribute("lang", language.getLanguage());
            choose.getElement().setAttribute("aria-pressed", Boolean.toString(language.getLanguage().equals(getLocale().getLanguage())));
            choose.addClickListener(click -> {
                VaadinSession.getCurrent().setLocale(language);
                UI.getCurrent().refreshCurrentRoute(true);
            });
            languages.add(choose);
        }

        NativeButton logout = Desk.button("logout", VaadinIcon.SIGN_OUT, getTranslation("staff.logout"), this::logOut);
        Div tools = new Div(site, who, languages, logout);
        tools.addClassName("staff-tools");
        header.add(pages, tools);

        helpCalls = new HelpCallsPanel(session);
        doorAlerts = new DoorAlertsPanel(session);
        add(header, helpCalls, doorAlerts, content);
    }

    @Override
    public void showRouterLayoutContent(HasElement view) {
        content.removeAll();
        content.getElement().appendChild(view.getElement());
    }

    /**
     * Help calls and door alerts come by the server's event streams (no page poll); what is left
     * to watch here is the end of the staff session, at the moment the server ends it.
     */
    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        Desk.connectionTexts(ui, this::getTranslation);
        checkSession();
        StaffSession.current().map(session -> session.login().expiresAt()).ifPresent(expiresAt -> {
            long left = Math.max(0, Duration.between(StaffServices.current().clock().instant(), expiresAt).toMillis());
            expiry = CompletableFuture.runAsync(() -> ui.access(this::checkSession),
                    CompletableFuture.delayedExecutor(left + SESSION_END_MARGIN.toMillis(), TimeUnit.MILLISECONDS));
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (expiry != null) {
            expiry.cancel(false);
            expiry = null;
        }
    }

    /** Sends the user to the login page, saying why, once the staff session is over by the desk's clock. */
    public void checkSession() {
        StaffSession session = StaffSession.current().orElse(null);
        if (session == null || session.login().expiresAt() == null) {
            return;
        }
        if (!StaffServices.current().clock().instant().isBefore(session.login().expiresAt())) {
            // the server has ended the session by now; say so before staff try to do something
            StaffSession.end("staff.login.expired");
            UI.getCurrent().navigate(LoginView.class);
        }
    }

    void logOut() {
        StaffSession.current().ifPresent(session -> Desk.act(this, words -> { }, () -> session.client().logout()));
        StaffSession.end("staff.login.loggedOut");
        UI.getCurrent().navigate(LoginView.class);
    }
}
