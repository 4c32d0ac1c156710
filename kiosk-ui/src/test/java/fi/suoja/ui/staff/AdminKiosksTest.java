package fi.suoja.ui.staff;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.textfield.TextField;
import fi.suoja.ui.TestScene;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/** Kiosks: a new kiosk's token shown once and working, a new token, and switching a kiosk off after asking. */
class AdminKiosksTest extends KaribuStaff {

    private void kiosks() {
        logInAsAdmin();
        UI.getCurrent().navigate(AdminKiosksView.class);
    }

    private JsonNode serverKiosk(String name) {
        for (JsonNode kiosk : scene.adminGet("/api/v1/kiosks")) {
            if (kiosk.path("name").asText().equals(name)) {
                return kiosk;
            }
        }
        throw new AssertionError("no kiosk " + name + " on the server");
    }

    private int me(String token) {
        return TestScene.status(scene.server, "/api/v1/kiosks/me", token);
    }

    private String create(String name) {
        _setValue(_get(TextField.class, spec -> spec.withId("kiosk-name")), name);
        click("kiosk-create");
        return text("kiosk-token-value");
    }

    @Test
    void staff_see_which_kiosk_languages_can_be_heard_and_which_are_silent() throws Exception {
        java.nio.file.Path voices = fi.suoja.hardware.TempDirs.create("suoja-voices");
        java.nio.file.Files.createDirectories(voices.resolve("so"));
        java.nio.file.Files.write(voices.resolve("so").resolve("start.heading.wav"), new byte[] {1, 2, 3});
        fi.suoja.ui.speech.Synthesizer finnishAndSwedish = new fi.suoja.ui.speech.Synthesizer() {
            @Override
            public java.util.Set<String> languages() {
                return java.util.Set.of("fi", "sv");
            }

            @Override
            public byte[] wav(String language, String text, fi.suoja.ui.speech.Pace pace) {
                throw new AssertionError("the desk does not speak");
            }
        };
        java.util.List<String> tags = java.util.Arrays.stream(fi.suoja.ui.kiosk.Language.values()).map(fi.suoja.ui.kiosk.Language::tag).toList();
        fi.suoja.ui.kiosk.KioskSpeech.install(new fi.suoja.ui.speech.Speech(tags, java.util.Optional.of(finnishAndSwedish), null,
                new fi.suoja.ui.speech.Recordings(voices), new fi.suoja.ui.speech.ClipCache(1000)));
        kiosks();

        assertThat(text("kiosk-listen-fi")).isEqualTo(t("staff.admin.kiosks.listen.voice", fi.suoja.ui.kiosk.Language.FI.ownName(), 0));
        assertThat(text("kiosk-listen-so")).isEqualTo(t("staff.admin.kiosks.listen.recordings", fi.suoja.ui.kiosk.Language.SO.ownName(), 1));
        assertThat(text("kiosk-listen-et")).isEqualTo(t("staff.admin.kiosks.listen.silent", fi.suoja.ui.kiosk.Language.ET.ownName()));
        assertThat(_get(com.vaadin.flow.component.html.ListItem.class, spec -> spec.withId("kiosk-listen-et")).getClassNames())
                .contains("admin-warning");
    }

    @Test
    void a_new_kiosk_gets_a_token_shown_once_that_works_at_the_server() {
        kiosks();
        String name = "Children's corner " + UUID.randomUUID().toString().substring(0, 6);
        String token = create(name);

        JsonNode kiosk = serverKiosk(name);
        assertThat(kiosk.path("siteId").asLong()).isEqualTo(scene.siteId);
        assertThat(me(token)).isEqualTo(200);
        assertThat(text("kiosk-once-warning")).isEqualTo(t("staff.admin.kiosks.once", name));
        assertThat(has("kiosk-" + kiosk.path("id").asLong())).isTrue();

        click("kiosk-token-hide");
        assertThat(has("kiosk-token-value")).isFalse();
    }

    @Test
    void a_new_token_replaces_the_old_one_after_a_confirmation() {
        kiosks();
        String name = "Lobby 2 " + UUID.randomUUID().toString().substring(0, 6);
        String old = create(name);
        long id = serverKiosk(name).path("id").asLong();

        click("kiosk-renew-" + id);
        assertThat(text("confirm-question")).isEqualTo(t("staff.admin.kiosks.confirmRenew", name));
        click("confirm-no");
        assertThat(me(old)).isEqualTo(200);

        click("kiosk-renew-" + id);
        click("confirm-yes");
        String renewed = text("kiosk-token-value");
        assertThat(renewed).isNotEqualTo(old);
        assertThat(me(old)).isEqualTo(401);
        assertThat(me(renewed)).isEqualTo(200);
    }

    @Test
    void switching_a_kiosk_off_asks_first_and_then_its_token_stops_working() {
        kiosks();
        String name = "Entrance " + UUID.randomUUID().toString().substring(0, 6);
        String token = create(name);
        long id = serverKiosk(name).path("id").asLong();

        click("kiosk-revoke-" + id);
        assertThat(text("confirm-question")).isEqualTo(t("staff.admin.kiosks.confirmRevoke", name));
        click("confirm-no");
        assertThat(serverKiosk(name).hasNonNull("revokedAt")).isFalse();

        click("kiosk-revoke-" + id);
        click("confirm-yes");
        assertThat(serverKiosk(name).hasNonNull("revokedAt")).isTrue();
        assertThat(me(token)).isEqualTo(401);
        assertThat(text("kiosk-" + id)).contains(t("staff.admin.kiosks.revoked"));
        assertThat(has("kiosk-revoke-" + id)).isFalse();
        assertThat(text("admin-notice")).isEqualTo(t("staff.admin.kiosks.revokedDone", name));
    }

    @Test
    void a_kiosk_without_a_name_is_refused_in_words() {
        kiosks();
        int before = scene.adminGet("/api/v1/kiosks").size();
        _setValue(_get(TextField.class, spec -> spec.withId("kiosk-name")), "   ");
        click("kiosk-create");
        assertThat(text("admin-notice")).isEqualTo(t("staff.admin.invalid.kiosk"));
        assertThat(has("kiosk-token-value")).isFalse();
        assertThat(scene.adminGet("/api/v1/kiosks").size()).isEqualTo(before);
    }

    @Test
    void a_staff_member_cannot_manage_kiosks() {
        assertAdminsOnly(AdminKiosksView.class, "kiosk-create");
    }
}
