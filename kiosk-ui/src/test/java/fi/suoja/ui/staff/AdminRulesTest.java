package fi.suoja.ui.staff;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.textfield.IntegerField;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/** The booking rules and retention days of the library, saved and refused through the real server. */
class AdminRulesTest extends KaribuStaff {

    private void rules() {
        logInAsAdmin();
        UI.getCurrent().navigate(AdminRulesView.class);
    }

    private IntegerField number(String id) {
        return _get(IntegerField.class, spec -> spec.withId(id));
    }

    private JsonNode serverRules() {
        return scene.adminGet("/api/v1/sites/" + scene.siteId + "/rules");
    }

    @Test
    void the_form_shows_the_rules_and_saving_changes_them_on_the_server() {
        rules();
        assertThat(number("rules-step").getValue()).isEqualTo(15);
        assertThat(number("rules-max").getValue()).isEqualTo(120);
        _setValue(number("rules-max"), 90);
        _setValue(number("rules-ahead"), 30);
        _setValue(number("rules-buffer"), 5);
        _setValue(_get(Checkbox.class, spec -> spec.withId("rules-card")), true);
        _setValue(number("rules-per-card"), 3);
        click("rules-save");

        JsonNode rules = serverRules();
        assertThat(rules.path("maxBookingMinutes").asInt()).isEqualTo(90);
        assertThat(rules.path("maxDaysAhead").asInt()).isEqualTo(30);
        assertThat(rules.path("bufferMinutes").asInt()).isEqualTo(5);
        assertThat(rules.path("libraryCardRequired").asBoolean()).isTrue();
        assertThat(rules.path("maxActiveBookingsPerCard").asInt()).isEqualTo(3);
        assertThat(rules.path("slotStepMinutes").asInt()).isEqualTo(15);
        assertThat(text("admin-notice")).isEqualTo(t("staff.admin.rules.saved"));
    }

    @Test
    void rules_that_do_not_fit_together_are_refused_with_the_rule_in_words_and_the_form_keeps_them() {
        rules();
        _setValue(number("rules-min"), 20);
        click("rules-save");

        assertThat(text("admin-notice")).isEqualTo(t("staff.admin.rule.min-booking"));
        assertThat(number("rules-min").getValue()).isEqualTo(20);
        assertThat(serverRules().path("minBookingMinutes").asInt()).isEqualTo(15);

        _setValue(number("rules-min"), 15);
        _setValue(number("rules-buffer"), 7);
        click("rules-save");
        assertThat(text("admin-notice")).isEqualTo(t("staff.admin.rule.buffer"));
        assertThat(serverRules().path("bufferMinutes").asInt()).isEqualTo(10);
    }

    @Test
    void an_empty_number_is_refused_before_anything_is_sent() {
        rules();
        _setValue(number("rules-grace"), null);
        click("rules-save");
        assertThat(text("admin-notice")).isEqualTo(t("staff.admin.invalid.rules"));
        assertThat(serverRules().path("checkInGraceMinutes").asInt()).isEqualTo(15);
    }

    @Test
    void retention_days_are_set_for_the_library_and_can_go_back_to_the_server_setting() {
        rules();
        assertThat(text("retention-now")).isEqualTo(t("staff.admin.retention.default", 30));
        _setValue(number("retention-days"), 7);
        click("retention-save");

        JsonNode retention = scene.adminGet("/api/v1/sites/" + scene.siteId + "/retention");
        assertThat(retention.path("retentionDays").asInt()).isEqualTo(7);
        assertThat(retention.path("serverDefault").asBoolean()).isFalse();
        assertThat(text("retention-now")).isEqualTo(t("staff.admin.retention.own", 7));
        assertThat(text("admin-notice")).isEqualTo(t("staff.admin.retention.saved", 7));

        click("retention-default");
        retention = scene.adminGet("/api/v1/sites/" + scene.siteId + "/retention");
        assertThat(retention.path("serverDefault").asBoolean()).isTrue();
        assertThat(number("retention-days").getValue()).isEqualTo(30);
    }

    @Test
    void retention_outside_one_to_365_days_is_refused_in_words_and_changes_nothing() {
        rules();
        _setValue(number("retention-days"), 400);
        click("retention-save");

        assertThat(text("admin-notice")).isEqualTo(t("staff.admin.rule.retention-days"));
        assertThat(number("retention-days").getValue()).isEqualTo(400);
        assertThat(scene.adminGet("/api/v1/sites/" + scene.siteId + "/retention").path("serverDefault").asBoolean()).isTrue();
    }

    @Test
    void a_staff_member_cannot_open_the_rules_page() {
        assertAdminsOnly(AdminRulesView.class, "rules-save");
    }
}
