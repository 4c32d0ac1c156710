package fi.suoja.ui.staff;

import com.vaadin.flow.server.VaadinSession;
import fi.suoja.ui.KioskConfig;
import fi.suoja.ui.server.Site;
import fi.suoja.ui.server.StaffClient;
import fi.suoja.ui.server.StaffLogin;

import java.util.List;
import java.util.Optional;

/**
 * The logged-in staff member, kept only in the Vaadin session on the UI server: the token never
 * reaches the browser, the URL or a cookie of ours. Also carries the library the desk works for
 * and a notice to show on the login page after a session ended.
 */
final class StaffSession {

    private final StaffLogin login;
    private final StaffClient client;
    private Site site;

    private StaffSession(StaffLogin login, StaffClient client) {
        this.login = login;
        this.client = client;
    }

    static Optional<StaffSession> current() {
        return Optional.ofNullable(VaadinSession.getCurrent().getAttribute(StaffSession.class));
    }

    static StaffSession start(StaffLogin login) {
        StaffSession session = new StaffSession(login, new StaffClient(StaffServices.current().server(), login.token(), desk()));
        VaadinSession.getCurrent().setAttribute(StaffSession.class, session);
        return session;
    }

    /**
     * The desk as the audit log names it: the name this UI server was given ({@code SUOJA_DESK_NAME},
     * by default "staff desk") and the address of the browser the member of staff uses.
     */
    static String desk() {
        String name = KioskConfig.settings(System.getenv(), System::getProperty).apply("suoja.desk.name");
        String browser = VaadinSession.getCurrent().getBrowser().getAddress();
        String desk = (name == null ? "staff desk" : name) + (browser == null ? "" : " · " + browser);
        return desk.replaceAll("\\p{Cntrl}", " ");
    }

    /** Forgets the login; {@code noticeKey} (a translation key or null) is shown on the login page next. */
    static void end(String noticeKey) {
        VaadinSession.getCurrent().setAttribute(StaffSession.class, null);
        VaadinSession.getCurrent().setAttribute(Notice.class, noticeKey == null ? null : new Notice(noticeKey));
    }

    /** The notice left by {@link #end}, shown once. */
    static Optional<String> takeNotice() {
        Notice notice = VaadinSession.getCurrent().getAttribute(Notice.class);
        VaadinSession.getCurrent().setAttribute(Notice.class, null);
        return Optional.ofNullable(notice).map(Notice::key);
    }

    StaffLogin login() {
        return login;
    }

    StaffClient client() {
        return client;
    }

    /** The desk's library: the one the desk is set up for, else the first the server lists, until staff choose another. */
    Site site() {
        if (site == null) {
            Long wanted = StaffServices.current().siteId();
            List<Site> sites = client.sites();
            site = sites.stream().filter(s -> wanted == null || s.id() == wanted).findFirst()
                    .or(() -> sites.stream().findFirst())
                    .orElseThrow(() -> new IllegalStateException("the server has no library"));
        }
        return site;
    }

    void useSite(Site chosen) {
        site = chosen;
    }

    private record Notice(String key) {
    }
}
