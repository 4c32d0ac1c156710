package fi.suoja.ui.staff;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Locale;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;

/** Every text of every administration page and state is a staff translation in Finnish, Swedish and English. */
class AdminTranslationsTest extends KaribuStaff {

    @ParameterizedTest
    @ValueSource(strings = {"fi", "sv", "en"})
    void every_text_on_the_administration_pages_is_a_translation(String tag) {
        Locale language = Locale.forLanguageTag(tag);
        UI.getCurrent().getSession().setLocale(language);
        String unique = UUID.randomUUID().toString().substring(0, 8);
        logInAsAdmin();

        UI.getCurrent().navigate(AdminRoomsView.class);
        StaffTranslationsTest.check(language, "rooms");
        click("room-edit-" + scene.equippedRoom);
        StaffTranslationsTest.check(language, "room editor");
        _setValue(_get(TextField.class, spec -> spec.withId("room-name")), "Room 2");
        click("room-save");
        StaffTranslationsTest.check(language, "room refused");

        UI.getCurrent().navigate(AdminRulesView.class);
        StaffTranslationsTest.check(language, "rules");
        _setValue(_get(IntegerField.class, spec -> spec.withId("rules-min")), 20);
        click("rules-save");
        StaffTranslationsTest.check(language, "rules refused");

        UI.getCurrent().navigate(AdminDevicesView.class);
        StaffTranslationsTest.check(language, "devices");
        _setValue(_get(TextField.class, spec -> spec.withId("device-tag")), "lap-" + unique);
        click("device-register");
        click("broker-files");
        StaffTranslationsTest.check(language, "device registered");

        UI.getCurrent().navigate(AdminKiosksView.class);
        _setValue(_get(TextField.class, spec -> spec.withId("kiosk-name")), "Kiosk " + unique);
        click("kiosk-create");
        StaffTranslationsTest.check(language, "kiosk token");

        UI.getCurrent().navigate(AdminAccountsView.class);
        StaffTranslationsTest.check(language, "accounts");
        click("account-deactivate-" + scene.adminGet("/api/v1/accounts").get(0).path("id").asLong());
        StaffTranslationsTest.check(language, "deactivate confirmation");

        click("logout");
        logIn(scene.staffAccount(), fi.suoja.ui.TestScene.STAFF_PASSWORD);
        UI.getCurrent().navigate(AdminAccountsView.class);
        StaffTranslationsTest.check(language, "staff refused");
    }
}
