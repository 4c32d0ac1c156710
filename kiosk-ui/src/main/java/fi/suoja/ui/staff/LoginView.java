package fi.suoja.ui.staff;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import fi.suoja.ui.server.NotLoggedIn;
import fi.suoja.ui.server.ServerProblem;
import fi.suoja.ui.server.ServerUnreachable;
import fi.suoja.ui.server.StaffClient;

/** The staff desk's door: user name and password; the token the server gives stays in the Vaadin session. */
@Route("staff/login")
@StyleSheet("context://staff.css")
public class LoginView extends Main implements HasDynamicTitle, BeforeEnterObserver {

    private final TextField username = new TextField();
    private final PasswordField password = new PasswordField();
    private final Paragraph notice = Desk.notice("login-notice");

    public LoginView() {
        addClassName("staff-login");
        H1 heading = new H1(getTranslation("staff.login.heading"));
        username.setId("login-username");
        username.setLabel(getTranslation("staff.login.username"));
        username.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.USERNAME);
        username.setAutofocus(true);
        password.setId("login-password");
        password.setLabel(getTranslation("staff.login.password"));
        password.addKeyPressListener(Key.ENTER, e -> logIn());
        add(heading, notice, username, password,
                Desk.button("login", VaadinIcon.SIGN_IN, getTranslation("staff.login.button"), this::logIn));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (StaffSession.current().isPresent()) {
            event.forwardTo(TodayView.class);
            return;
        }
        StaffSession.takeNotice().ifPresent(key -> Desk.say(notice, getTranslation(key)));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        Desk.connectionTexts(event.getUI(), this::getTranslation);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("staff.login.title");
    }

    void logIn() {
        if (username.getValue().isBlank() || password.getValue().isEmpty()) {
            Desk.say(notice, getTranslation("staff.login.missing"));
            return;
        }
        try {
            StaffSession.start(StaffClient.login(StaffServices.current().server(), username.getValue().strip(), password.getValue()));
            password.clear();
            getUI().ifPresent(ui -> ui.navigate(TodayView.class));
        } catch (ServerProblem e) {
            password.clear();
            // many wrong passwords for this account: the server waits before it looks at another
            Desk.say(notice, getTranslation("too-many-attempts".equals(e.type()) ? "staff.login.tooMany" : "staff.login.wrong"));
        } catch (NotLoggedIn e) {
            password.clear();
            Desk.say(notice, getTranslation("staff.login.wrong"));
        } catch (ServerUnreachable e) {
            Desk.say(notice, getTranslation("staff.problem.unreachable"));
        }
    }
}
