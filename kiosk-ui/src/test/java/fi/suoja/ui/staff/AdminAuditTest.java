package fi.suoja.ui.staff;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.select.Select;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/** The audit log page: what was done, by whom, when in the library's time, in the desk's language; for admins only. */
class AdminAuditTest extends KaribuStaff {

    private List<ListItem> entries() {
        return _find(ListItem.class, spec -> spec.withClasses("audit-entry"));
    }

    @Test
    void an_admin_reads_who_did_what_newest_first_in_finnish_and_in_the_librarys_time() {
        Instant before = Instant.now();
        String tag = scene.registerDevice("HEADSET");
        UI.getCurrent().getSession().setLocale(Locale.forLanguageTag("fi"));
        logInAsAdmin();
        UI.getCurrent().navigate(AdminAuditView.class);

        assertThat(text("admin-heading")).isEqualTo("Tapahtumaloki");
        String newest = entries().get(0).getElement().getTextRecursively();
        assertThat(newest).contains("Laite lisätty").contains("kuulokkeet").contains(tag).contains("admin")
                .contains(t("staff.audit.target.DEVICE"));
        String shown = DateTimeFormatter.ofPattern("d.M. HH:mm").format(before.atZone(scene.zone));
        String later = DateTimeFormatter.ofPattern("d.M. HH:mm").format(Instant.now().atZone(scene.zone));
        assertThat(newest).as("the time in the library's zone, not as ISO").containsAnyOf(shown, later)
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_log_narrows_to_one_kind_of_action_and_one_person() {
        String tag = scene.registerDevice("WEBCAM");
        scene.readyAccessory("HEADSET");
        logInAsAdmin();
        UI.getCurrent().navigate(AdminAuditView.class);
        _setValue((Select<String>) _get(Select.class, spec -> spec.withId("audit-action")), "DEVICE_REGISTERED");
        click("audit-show");
        assertThat(entries()).isNotEmpty().allSatisfy(e -> assertThat(e.getElement().getTextRecursively())
                .contains(t("staff.audit.action.DEVICE_REGISTERED")));
        assertThat(entries().get(1).getElement().getTextRecursively()).contains(tag);

        _setValue(_get(com.vaadin.flow.component.textfield.TextField.class, spec -> spec.withId("audit-actor")), "nobody-at-all");
        click("audit-show");
        assertThat(entries()).isEmpty();
        assertThat(text("audit-empty")).isEqualTo(t("staff.admin.audit.none"));
    }

    @Test
    void a_staff_member_cannot_read_the_log() {
        assertAdminsOnly(AdminAuditView.class, "audit-entries");
    }
}
