package fi.suoja.ui.staff;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.Element;
import fi.suoja.ui.MessagePattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every visible text of the staff desk in Finnish, Swedish and English is a staff translation of
 * that language: a walk through every page and state finds no stray text (data such as codes,
 * tags, names and times is marked and skipped, as are the items of a select; punctuation between parts is allowed).
 */
class StaffTranslationsTest extends KaribuStaff {

    private static final Pattern PUNCTUATION = Pattern.compile("[\\p{Punct}·–\\s]+");

    @ParameterizedTest
    @ValueSource(strings = {"fi", "sv", "en"})
    void every_text_on_every_staff_page_is_a_translation(String tag) {
        Locale language = Locale.forLanguageTag(tag);
        UI.getCurrent().getSession().setLocale(language);
        String code = scene.bookNowElsewhere(scene.equippedRoom, 30).path("code").asText();
        String webcam = scene.readyAccessory("WEBCAM");
        String laptop = scene.registerDevice("LAPTOP");

        UI.getCurrent().navigate(LoginView.class);
        check(language, "login");
        logIn("admin", "wrong-password-here");
        check(language, "login refused");
        logInAsAdmin();
        long helpCall = scene.callForHelp("ROOMS", "ar").path("id").asLong();
        await("the help call on the desk", () -> has("help-call-" + helpCall));
        check(language, "today with a help call");
        scene.acknowledgeHelp(helpCall);
        long cancelled = scene.callForHelp("STILL_HERE", "so").path("id").asLong();
        await("the second call on the desk", () -> has("help-call-" + cancelled));
        scene.cancelHelp(cancelled);
        await("the call closed by the visitor", () -> text("help-call-" + cancelled).contains(t("staff.help.cancelled")));
        check(language, "today with help calls acknowledged and cancelled");
        click("booking-" + code.replace("-", ""));
        check(language, "booking open");
        click("cancel");
        check(language, "cancel confirmation");
        click("confirm-no");
        click("check-in");
        check(language, "checked in");
        click("end");
        check(language, "end confirmation");

        UI.getCurrent().navigate(DevicesView.class);
        check(language, "devices");
        click("mode-hand-out");
        check(language, "hand out");
        _setValue(_get(TextField.class, spec -> spec.withId("scan")), laptop);
        click("scan-go");
        check(language, "refused hand-out");
        click("faulty-" + webcam);
        check(language, "faulty confirmation");
        click("yes-" + webcam);
        check(language, "reason missing");
        click("no-" + webcam);
        click("history-" + webcam);
        check(language, "device history");
    }

    private static Properties bundle(Locale language) {
        String name = language.getLanguage().equals("en") ? "translations.properties" : "translations_" + language.getLanguage() + ".properties";
        Properties properties = new Properties();
        try (InputStream in = StaffTranslationsTest.class.getResourceAsStream("/vaadin-i18n/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** Fails when the page shown now has a text that is not a staff translation of {@code language}. */
    static void check(Locale language, String where) {
        Properties texts = bundle(language);
        List<Pattern> allowed = new ArrayList<>();
        for (String key : texts.stringPropertyNames()) {
            if (key.startsWith("staff.")) {
                allowed.add(MessagePattern.of(texts.getProperty(key)));
            }
        }
        for (Locale each : StaffLayout.LANGUAGES) {
            allowed.add(Pattern.compile(Pattern.quote(each.getDisplayLanguage(each))));
        }
        allowed.add(PUNCTUATION);
        List<String> strays = new ArrayList<>();
        Element page = UI.getCurrent().getInternals().getActiveRouterTargetsChain()
                .get(UI.getCurrent().getInternals().getActiveRouterTargetsChain().size() - 1).getElement();
        assertThat(page.getTextRecursively()).as("the page has text").isNotBlank();
        walk(page, allowed, strays);
        assertThat(strays).as("texts on '" + where + "' in " + language + " that are not staff translations").isEmpty();
    }

    private static void walk(Element element, List<Pattern> allowed, List<String> strays) {
        // items of a select list data (libraries, bookings); their labels are generated from it
        if (element.getClassList().contains(Desk.DATA) || element.getTag().equals("vaadin-select-item")) {
            return;
        }
        for (String attribute : List.of("aria-label", "alt", "title", "placeholder", "label")) {
            String value = element.getAttribute(attribute);
            if (value == null) {
                value = element.getProperty(attribute);
            }
            check(value, attribute + "=", allowed, strays);
        }
        element.getChildren().forEach(child -> {
            if (child.isTextNode()) {
                check(child.getText(), "", allowed, strays);
            } else {
                walk(child, allowed, strays);
            }
        });
    }

    private static void check(String value, String what, List<Pattern> allowed, List<String> strays) {
        if (value != null && !value.isBlank() && allowed.stream().noneMatch(p -> p.matcher(value.strip()).matches())) {
            strays.add(what + value.strip());
        }
    }
}
