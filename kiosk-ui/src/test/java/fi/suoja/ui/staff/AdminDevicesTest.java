package fi.suoja.ui.staff;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import fi.suoja.hardware.mqtt.AgentConfigKeys;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Properties;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/** Registering devices: the agent's settings file shown once and downloaded, and the broker files. */
class AdminDevicesTest extends KaribuStaff {

    private void devices() {
        logInAsAdmin();
        UI.getCurrent().navigate(AdminDevicesView.class);
    }

    private String register(String kind) {
        String tag = kind.substring(0, 3).toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        @SuppressWarnings("unchecked")
        Select<String> kinds = _get(Select.class, spec -> spec.withId("device-kind"));
        _setValue(kinds, kind);
        _setValue(_get(TextField.class, spec -> spec.withId("device-tag")), tag);
        click("device-register");
        return tag;
    }

    private static String download(String id) {
        return new String(DownloadKt._download(_get(Anchor.class, spec -> spec.withId(id))), StandardCharsets.UTF_8);
    }

    @Test
    void a_registered_laptop_gets_a_settings_file_the_agent_can_load_shown_once_with_a_warning() throws IOException {
        devices();
        String tag = register("LAPTOP");

        JsonNode device = scene.device(tag);
        assertThat(device.path("kind").asText()).isEqualTo("LAPTOP");
        assertThat(device.path("state").asText()).isEqualTo("PROVISIONED");
        assertThat(text("device-once-warning")).isEqualTo(t("staff.admin.devices.once"));
        assertThat(text("admin-notice")).isEqualTo(t("staff.admin.devices.done", tag));

        String file = download("agent-config-download");
        assertThat(file).isEqualTo(text("agent-config"));
        Properties settings = new Properties();
        settings.load(new StringReader(file));
        assertThat(settings.getProperty(AgentConfigKeys.DEVICE_ID)).isEqualTo(device.path("id").asText());
        assertThat(settings.getProperty(AgentConfigKeys.BROKER_URL)).matches("(tcp|ssl|ws|wss)://[^/\\s]+(:\\d{1,5})?(/.*)?");
        assertThat(settings.getProperty(AgentConfigKeys.BROKER_USERNAME)).isEqualTo(device.path("id").asText());
        assertThat(settings.getProperty(AgentConfigKeys.BROKER_PASSWORD)).hasSizeGreaterThanOrEqualTo(16);
        assertThat(Base64.getDecoder().decode(settings.getProperty(AgentConfigKeys.DEVICE_KEY))).hasSizeGreaterThanOrEqualTo(16);
        assertThat(settings.stringPropertyNames()).anyMatch(key -> key.startsWith(AgentConfigKeys.WIPE_AREA_PREFIX));
        assertThat(text("device-broker-lines")).contains(device.path("id").asText());

        // the page does not keep the file: leaving and coming back shows only the empty form
        UI.getCurrent().navigate(TodayView.class);
        UI.getCurrent().navigate(AdminDevicesView.class);
        assertThat(has("agent-config")).isFalse();
    }

    @Test
    void a_webcam_has_no_agent_and_no_settings_file() {
        devices();
        String tag = register("WEBCAM");
        assertThat(scene.device(tag).path("kind").asText()).isEqualTo("WEBCAM");
        assertThat(text("device-no-agent")).isEqualTo(t("staff.admin.devices.noAgent"));
        assertThat(has("agent-config-download")).isFalse();
    }

    @Test
    void a_tag_that_is_taken_or_malformed_is_refused_in_words_and_the_form_keeps_it() {
        String taken = scene.registerDevice("HEADSET");
        devices();
        _setValue(_get(TextField.class, spec -> spec.withId("device-tag")), taken);
        click("device-register");
        assertThat(text("admin-notice")).isEqualTo(t("staff.admin.exists.device"));
        assertThat(_get(TextField.class, spec -> spec.withId("device-tag")).getValue()).isEqualTo(taken);
        assertThat(has("device-provisioned")).isFalse();

        _setValue(_get(TextField.class, spec -> spec.withId("device-tag")), "no spaces please");
        click("device-register");
        assertThat(text("admin-notice")).isEqualTo(t("staff.admin.invalid.device"));
        assertThat(scene.adminGet("/api/v1/devices?siteId=" + scene.siteId).toString()).doesNotContain("no spaces please");
    }

    @Test
    void the_broker_files_download_with_the_fleets_devices() {
        String tag = scene.registerDevice("LAPTOP");
        String id = scene.device(tag).path("id").asText();
        devices();
        assertThat(_find(Anchor.class, spec -> spec.withId("broker-acl-download"))).isEmpty();
        click("broker-files");

        String passwords = download("broker-password-download");
        String acl = download("broker-acl-download");
        assertThat(passwords).contains(id + ":$7$");
        assertThat(acl).contains("user " + id);
    }

    @Test
    void a_staff_member_cannot_register_devices() {
        assertAdminsOnly(AdminDevicesView.class, "device-register");
    }
}
