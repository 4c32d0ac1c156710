package fi.suoja.ui.staff;

import com.vaadin.flow.component.UI;
import fi.suoja.ui.TestScene;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Login, logout, ended sessions and what each role sees. */
class StaffLoginTest extends KaribuStaff {

    @Test
    void every_staff_page_sends_a_visitor_without_a_login_to_the_login_page() {
        for (Class<? extends com.vaadin.flow.component.Component> page : java.util.List.of(TodayView.class, DevicesView.class)) {
            UI.getCurrent().navigate(page);
            assertThat(at()).as(page.getSimpleName()).isEqualTo(LoginView.class);
        }
    }

    @Test
    void a_wrong_password_is_refused_in_plain_words_and_nothing_is_kept() {
        logIn("admin", "not-the-password");

        assertBackAtLogin("staff.login.wrong");
    }

    @Test
    void logging_in_opens_today_with_the_name_and_role_and_the_token_stays_on_the_server() {
        logInAsAdmin();

        assertThat(at()).isEqualTo(TodayView.class);
        assertThat(text("who")).contains("admin").contains(t("staff.role.admin"));
        String token = StaffSession.current().orElseThrow().login().token();
        assertThat(token).startsWith("st_");
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters()).doesNotContain(token);
    }

    @Test
    void logging_out_ends_the_session_at_the_server_and_returns_to_the_login_page() {
        logInAsAdmin();
        String token = StaffSession.current().orElseThrow().login().token();

        click("logout");

        assertBackAtLogin("staff.login.loggedOut");
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> scene.logOut(token),
                "the server no longer takes the token");
        UI.getCurrent().navigate(TodayView.class);
        assertThat(at()).isEqualTo(LoginView.class);
    }

    @Test
    void a_session_that_ended_elsewhere_sends_the_user_back_to_login_with_a_plain_message() {
        logInAsAdmin();
        scene.logOut(StaffSession.current().orElseThrow().login().token());

        _today().refresh();

        assertBackAtLogin("staff.login.expired");
    }

    @Test
    void a_session_past_its_expiry_goes_back_to_login_at_its_end_without_waiting_for_a_click() {
        logInAsAdmin();
        java.time.Instant expiry = StaffSession.current().orElseThrow().login().expiresAt();
        StaffServices.install(new StaffServices(scene.server, java.time.Clock.fixed(expiry.plusSeconds(1), java.time.ZoneOffset.UTC),
                scene.siteId));

        com.github.mvysny.kaributesting.v10.LocatorJ._get(StaffLayout.class).checkSession();

        assertThat(at()).isEqualTo(LoginView.class);
        assertThat(text("login-notice")).isEqualTo(t("staff.login.expired"));
    }

    @Test
    void staff_see_their_role_and_no_admin_only_actions() {
        String tag = scene.readyAccessory("HEADSET");
        logIn(scene.staffAccount(), TestScene.STAFF_PASSWORD);
        assertThat(text("who")).contains(t("staff.role.staff"));

        UI.getCurrent().navigate(DevicesView.class);

        assertThat(has("faulty-" + tag)).isTrue();
        assertThat(has("retire-" + tag)).isFalse();
    }

    @Test
    void an_admin_sees_the_retire_action() {
        String tag = scene.readyAccessory("HEADSET");
        logInAsAdmin();
        UI.getCurrent().navigate(DevicesView.class);
        assertThat(has("retire-" + tag)).isTrue();
    }

    @Test
    void the_desk_speaks_finnish_and_swedish() {
        logInAsAdmin();
        click("lang-fi");
        assertThat(text("today-heading")).isEqualTo("Tänään");
        click("lang-sv");
        assertThat(text("today-heading")).isEqualTo("I dag");
    }

    private static TodayView _today() {
        return com.github.mvysny.kaributesting.v10.LocatorJ._get(TodayView.class);
    }

    /** The login page, saying that, and no session kept. */
    private void assertBackAtLogin(String noticeKey) {
        assertThat(at()).isEqualTo(LoginView.class);
        assertThat(text("login-notice")).isEqualTo(t(noticeKey));
        assertThat(StaffSession.current()).isEmpty();
    }
}
