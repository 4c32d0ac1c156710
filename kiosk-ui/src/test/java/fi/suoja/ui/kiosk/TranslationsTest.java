package fi.suoja.ui.kiosk;

import com.vaadin.flow.dom.Element;
import fi.suoja.ui.KioskServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every visible text in every language comes from the translation bundles: the bundles have the
 * same keys, and a walk through every screen finds no text that is not a translation (data such
 * as room names, codes and times is marked and skipped).
 */
class TranslationsTest extends KaribuKiosk {

    static Properties bundle(Language language) {
        String name = language == Language.EN ? "translations.properties" : "translations_" + language.tag() + ".properties";
        Properties properties = new Properties();
        try (InputStream in = TranslationsTest.class.getResourceAsStream("/vaadin-i18n/" + name)) {
            assertThat(in).as("bundle " + name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** Keys of the staff desk, which is offered in English, Finnish and Swedish only (see {@link #STAFF_LANGUAGES}). */
    static final String STAFF_PREFIX = "staff.";
    /**
     * The staff desk's languages. The other kiosk bundles leave the staff keys out on purpose: Java's
     * bundle chain then gives the English text, and a missing kiosk key still fails below.
     */
    static final Set<Language> STAFF_LANGUAGES = Set.of(Language.EN, Language.FI, Language.SV);

    static Set<String> kioskKeys(Properties bundle) {
        return new TreeSet<>(bundle.stringPropertyNames().stream().filter(k -> !k.startsWith(STAFF_PREFIX)).toList());
    }

    static Set<String> staffKeys(Properties bundle) {
        return new TreeSet<>(bundle.stringPropertyNames().stream().filter(k -> k.startsWith(STAFF_PREFIX)).toList());
    }

    @Test
    void every_language_has_every_kiosk_key_and_no_empty_text() {
        Set<String> keys = kioskKeys(bundle(Language.EN));
        assertThat(keys).hasSizeGreaterThan(50);
        for (Language language : Language.values()) {
            Properties texts = bundle(language);
            assertThat(kioskKeys(texts)).as("kiosk keys of " + language).isEqualTo(keys);
            for (String key : texts.stringPropertyNames()) {
                assertThat(texts.getProperty(key)).as(language + " " + key).isNotBlank();
            }
        }
    }

    @Test
    void the_staff_desk_has_every_key_in_english_finnish_and_swedish_and_nowhere_else() {
        Set<String> keys = staffKeys(bundle(Language.EN));
        assertThat(keys).hasSizeGreaterThan(50);
        for (Language language : Language.values()) {
            assertThat(staffKeys(bundle(language))).as("staff keys of " + language)
                    .isEqualTo(STAFF_LANGUAGES.contains(language) ? keys : Set.of());
        }
    }

    @Test
    void texts_with_a_number_take_the_same_number_in_every_language() {
        Properties english = bundle(Language.EN);
        for (Language language : Language.values()) {
            Properties texts = bundle(language);
            for (String key : texts.stringPropertyNames()) {
                int expected = new MessageFormat(english.getProperty(key)).getFormats().length;
                assertThat(new MessageFormat(texts.getProperty(key)).getFormats()).as(language + " " + key).hasSize(expected);
                if (expected > 0) {
                    assertThat(texts.getProperty(key)).as(language + " " + key + ": MessageFormat drops a plain '").doesNotContain("'");
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void every_text_on_every_screen_is_a_translation(Language language) throws Exception {
        String code = visitEveryScreen(language);
        assertThat(code).isNotBlank();
    }

    /** Goes through every screen in one language, checking the texts on each. Returns the code booked. */
    private String visitEveryScreen(Language language) throws Exception {
        inLanguage(language);
        check(language, "start");
        tap("book");
        check(language, "when");
        tap("when-later");
        check(language, "length");
        tap("length-30");
        check(language, "rooms later");
        tap(lastButton("room-" + scene.equippedRoom + "-at-"));
        tap("confirm");
        check(language, "done later");

        restart(language);
        tap("book");
        tap("when-day");
        check(language, "days");

        restart(language);
        tap("book");
        tap("when-now");
        check(language, "rooms now");
        tap("room-" + scene.bareRoom + "-for-30");
        check(language, "confirm");
        tap("device-laptop");
        tap("confirm");
        check(language, "done");
        String code = text("booking-code").replace(t("done.bookingCode"), "").trim();
        tap("print");
        check(language, "printed");

        restart(language);
        tap("have-booking");
        check(language, "code");
        typeCode("ABCDEFGHJ");
        tap("show-booking");
        check(language, "wrong code");
        typeCode(code);
        tap("show-booking");
        check(language, "booking");
        tap("end");
        check(language, "ask end");
        tap("keep-booking");
        tap("extend");
        check(language, "extended");

        restart(language);
        typeOnTheKeyboard("6410405082657", 8);
        check(language, "wrong scan");
        typeOnTheKeyboard(scene.bookNowElsewhere(scene.addRoom("Room 3", false), 30).path("code").asText(), 8);
        check(language, "scanned booking");
        tap("cancel");
        check(language, "ask cancel");
        tap("keep-booking");
        tap("check-in");
        check(language, "checked in");

        tap("ask-help");
        check(language, "help");
        tap("help-back");
        check(language, "help notice");
        tap("help-notice-cancel");

        clock.advance(Duration.ofSeconds(IDLE_SECONDS + 1));
        view().tick();
        check(language, "still here");
        tap("still-here");

        useServer(URI.create("http://localhost:" + KioskServerProcess.freePort()));
        tap("ask-help");
        assertThat(screen()).isEqualTo("broken");
        check(language, "broken");
        return code;
    }

    private void inLanguage(Language language) {
        tap("lang-" + language.tag());
        assertThat(view().language()).isEqualTo(language);
    }

    private void restart(Language language) {
        tap("start-again");
        inLanguage(language);
    }

    private void check(Language language, String where) {
        List<Pattern> allowed = new ArrayList<>();
        Properties texts = bundle(language);
        Properties english = bundle(Language.EN);
        for (String key : kioskKeys(english)) {
            allowed.add(pattern(texts.getProperty(key)));
        }
        for (Language each : Language.values()) {
            allowed.add(Pattern.compile(Pattern.quote(each.ownName())));
        }
        List<String> strays = new ArrayList<>();
        // the view, not the UI's own element: Flow attaches the route through a wrapper the UI element does not list
        assertThat(view().getElement().getTextRecursively()).as("the screen has text").isNotBlank();
        walk(view().getElement(), allowed, strays);
        String title = view().getPageTitle();
        if (allowed.stream().noneMatch(p -> p.matcher(title).matches())) {
            strays.add("title=" + title);
        }
        assertThat(strays).as("texts on the '" + where + "' screen in " + language + " that are not translations").isEmpty();
    }

    private static Pattern pattern(String text) {
        StringBuilder regex = new StringBuilder();
        for (String part : text.split("\\{\\d+\\}", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".+");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    private static void walk(Element element, List<Pattern> allowed, List<String> strays) {
        if (element.getClassList().contains(Parts.DATA)) {
            return;
        }
        for (String attribute : List.of("aria-label", "alt", "title", "placeholder")) {
            String value = element.getAttribute(attribute);
            if (value != null && !value.isBlank() && allowed.stream().noneMatch(p -> p.matcher(value.strip()).matches())) {
                strays.add(attribute + "=" + value);
            }
        }
        element.getChildren().forEach(child -> {
            if (child.isTextNode()) {
                String text = child.getText().strip();
                if (!text.isEmpty() && allowed.stream().noneMatch(p -> p.matcher(text).matches())) {
                    strays.add(text);
                }
            } else {
                walk(child, allowed, strays);
            }
        });
    }
}
