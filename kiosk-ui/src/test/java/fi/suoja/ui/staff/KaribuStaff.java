package fi.suoja.ui.staff;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import fi.suoja.ui.KioskServerProcess;
import fi.suoja.ui.Pushes;
import fi.suoja.ui.TestScene;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.Clock;
import java.util.Locale;
import java.util.function.BooleanSupplier;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff desk driven server-side with Karibu-Testing against the real kiosk-server: each test
 * gets a library of its own, and the desk is set up for that library. In English unless a test
 * chooses another language.
 */
abstract class KaribuStaff {

    TestScene scene;

    @BeforeEach
    void desk() {
        scene = newScene();
        MockVaadin.setup(new Routes().autoDiscoverViews("fi.suoja.ui"));
        UI.getCurrent().getSession().setLocale(Locale.ENGLISH);
        StaffServices.install(new StaffServices(scene.server, Clock.systemUTC(), scene.siteId));
    }

    /** The library the test works in: by default one of its own on the shared test server. */
    TestScene newScene() {
        return TestScene.create();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    void logInAsAdmin() {
        logIn("admin", KioskServerProcess.ADMIN_PASSWORD);
    }

    void logIn(String username, String password) {
        UI.getCurrent().navigate(LoginView.class);
        _setValue(_get(TextField.class, spec -> spec.withId("login-username")), username);
        _setValue(_get(PasswordField.class, spec -> spec.withId("login-password")), password);
        click("login");
    }

    /** A staff member who opens an admin page is told it is for admins, and is not shown {@code adminOnly}. */
    void assertAdminsOnly(Class<? extends Component> page, String adminOnly) {
        logIn(scene.staffAccount(), TestScene.STAFF_PASSWORD);
        UI.getCurrent().navigate(page);
        assertThat(text("admin-refused")).isEqualTo(t("staff.admin.onlyAdmins"));
        assertThat(has(adminOnly)).isFalse();
    }

    void click(String id) {
        NativeButton button = _get(NativeButton.class, spec -> spec.withId(id));
        assertThat(button.isEnabled()).as("button " + id + " is enabled").isTrue();
        _click(button);
    }

    boolean has(String id) {
        // one look-up: a push run by the wait between two look-ups could remove what the first found
        return _find(Component.class, spec -> spec.withId(id)).stream().anyMatch(Component::isVisible);
    }

    String text(String id) {
        return _get(Component.class, spec -> spec.withId(id)).getElement().getTextRecursively();
    }

    String t(String key, Object... params) {
        return UI.getCurrent().getTranslation(key, params);
    }

    /** The current view's class, as the router shows it. */
    Class<?> at() {
        return UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0).getClass();
    }

    /** Lets background threads' {@code UI.access} run, as the browser's next round trip would, until {@code done} or 10 s. */
    static void await(String what, BooleanSupplier done) {
        Pushes.await(what, done);
    }
}
