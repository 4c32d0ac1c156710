package fi.suoja.ui.staff;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import fi.suoja.ui.TestScene;
import fi.suoja.ui.server.NotLoggedIn;
import fi.suoja.ui.server.StaffClient;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Accounts: add one with a role, give it a new password, switch it off after asking. */
class AdminAccountsTest extends KaribuStaff {

    private void accounts() {
        logInAsAdmin();
        UI.getCurrent().navigate(AdminAccountsView.class);
    }

    /** Opens the accounts page, which lists that account, and returns the account's id. */
    private long accountsWith(String username) {
        long id = serverAccount(username).path("id").asLong();
        accounts();
        return id;
    }

    private JsonNode serverAccount(String username) {
        for (JsonNode account : scene.adminGet("/api/v1/accounts")) {
            if (account.path("username").asText().equals(username)) {
                return account;
            }
        }
        return null;
    }

    private void create(String username, String password, String role) {
        _setValue(_get(TextField.class, spec -> spec.withId("account-username")), username);
        _setValue(_get(PasswordField.class, spec -> spec.withId("account-password")), password);
        @SuppressWarnings("unchecked")
        Select<String> roles = _get(Select.class, spec -> spec.withId("account-role"));
        _setValue(roles, role);
        click("account-create");
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void an_admin_adds_an_administrator_who_can_log_in() {
        accounts();
        String username = unique("chief");
        create(username, "a-long-enough-password", "ADMIN");

        JsonNode account = serverAccount(username);
        assertThat(account).isNotNull();
        assertThat(account.path("role").asText()).isEqualTo("ADMIN");
        assertThat(account.path("active").asBoolean()).isTrue();
        assertThat(StaffClient.login(scene.server, username, "a-long-enough-password").admin()).isTrue();
        assertThat(text("admin-notice")).isEqualTo(t("staff.admin.accounts.created", username));
        assertThat(text("account-" + account.path("id").asLong())).contains(username).contains(t("staff.role.admin"));
    }

    @Test
    void a_short_password_or_a_taken_name_is_refused_in_words_and_the_form_keeps_the_name() {
        accounts();
        String username = unique("desk");
        create(username, "short", "STAFF");
        assertThat(text("admin-notice")).isEqualTo(t("staff.admin.invalid.account"));
        assertThat(_get(TextField.class, spec -> spec.withId("account-username")).getValue()).isEqualTo(username);
        assertThat(serverAccount(username)).isNull();

        create("admin", "a-long-enough-password", "STAFF");
        assertThat(text("admin-notice")).isEqualTo(t("staff.admin.exists.account"));
    }

    @Test
    void a_new_password_works_and_the_old_one_no_longer_does() {
        String username = scene.staffAccount();
        long id = accountsWith(username);
        click("account-password-" + id);
        _setValue(_get(PasswordField.class, spec -> spec.withId("reset-password")), "too-short");
        click("reset-save");
        assertThat(text("admin-notice")).isEqualTo(t("staff.admin.invalid.password"));
        StaffClient.login(scene.server, username, TestScene.STAFF_PASSWORD);

        _setValue(_get(PasswordField.class, spec -> spec.withId("reset-password")), "the-new-desk-password");
        click("reset-save");
        assertThat(text("admin-notice")).isEqualTo(t("staff.admin.accounts.passwordDone", username));
        assertThat(StaffClient.login(scene.server, username, "the-new-desk-password").username()).isEqualTo(username);
        assertThatThrownBy(() -> StaffClient.login(scene.server, username, TestScene.STAFF_PASSWORD)).isInstanceOf(NotLoggedIn.class);
    }

    @Test
    void switching_an_account_off_asks_first_and_then_it_cannot_log_in() {
        String username = scene.staffAccount();
        long id = accountsWith(username);
        click("account-deactivate-" + id);
        assertThat(text("confirm-question")).isEqualTo(t("staff.admin.accounts.confirmDeactivate", username));
        click("confirm-no");
        assertThat(serverAccount(username).path("active").asBoolean()).isTrue();

        click("account-deactivate-" + id);
        click("confirm-yes");
        assertThat(serverAccount(username).path("active").asBoolean()).isFalse();
        assertThatThrownBy(() -> StaffClient.login(scene.server, username, TestScene.STAFF_PASSWORD)).isInstanceOf(NotLoggedIn.class);
        assertThat(text("account-" + id)).contains(t("staff.admin.accounts.off"));
        assertThat(text("admin-notice")).isEqualTo(t("staff.admin.accounts.deactivated", username));
    }

    @Test
    void an_admin_cannot_switch_off_their_own_account_and_is_told_why() {
        accounts();
        long self = serverAccount("admin").path("id").asLong();
        click("account-deactivate-" + self);
        click("confirm-yes");
        assertThat(text("admin-notice")).isEqualTo(t("staff.admin.invalid.deactivate"));
        assertThat(serverAccount("admin").path("active").asBoolean()).isTrue();
    }

    @Test
    void a_staff_member_cannot_manage_accounts() {
        assertAdminsOnly(AdminAccountsView.class, "account-create");
    }
}
