package fi.suoja.ui.kiosk;

import com.vaadin.flow.dom.Element;
import fi.suoja.ui.KioskServerProcess;
import fi.suoja.ui.MessagePattern;
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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every visible text in every language comes from the translation bundles: the bundles have the
 * same keys, no text is left in English by mistake, and a walk through every screen finds no text
 * that is not a translation. Data texts are checked too: a room named in every language shows each
 * language its own name and place on every screen and receipt, and never another language's.
 * Every screen writes its digits one way (0–9), Arabic included.
 */
class TranslationsTest extends KaribuKiosk {

    /** The bare room's name and place in each kiosk language ("fi" is its first language's). */
    static final Map<Language, String> NAMES = new EnumMap<>(Map.of(Language.FI, "Hiljainen huone", Language.SV, "Tyst rum",
            Language.EN, "Quiet room", Language.RU, "Тихая комната", Language.ET, "Vaikne tuba", Language.AR, "الغرفة الهادئة",
            Language.SO, "Qolka aamusan", Language.UK, "Тиха кімната"));
    static final Map<Language, String> PLACES = new EnumMap<>(Map.of(Language.FI, "Pohjakerros, neuvonnan takana",
            Language.SV, "Bottenvåningen, bakom informationsdisken", Language.EN, "Ground floor, behind the help desk",
            Language.RU, "Первый этаж, за стойкой информации", Language.ET, "Esimene korrus, infoleti taga",
            Language.AR, "الطابق الأرضي، خلف مكتب المساعدة", Language.SO, "Dabaqa hoose, gadaasha miiska caawimaadda",
            Language.UK, "Перший поверх, за стійкою довідки"));

    /**
     * Texts that are rightly the same as in English: the word is used as it is in that language
     * (Swedish says "headset"), or it is a unit. Anything else equal to English is a translation
     * someone forgot, such as "Laptop" in Somali.
     */
    /** Units of time are SI symbols, the same in every desk language. */
    private static final Set<String> DURATIONS = Set.of("{0} h", "{0} s", "{0} min {1} s", "{0} h {1} min");

    static final Map<Language, Set<String>> LOANWORDS = Map.of(
            Language.SV, union(DURATIONS, Set.of("headset", "Administration", "OK")),
            Language.FI, DURATIONS);

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    /** Digits other than 0–9 (Arabic-Indic and Eastern Arabic-Indic): a screen writes its numbers one way. */
    static final Pattern OTHER_DIGITS = Pattern.compile("[\\u0660-\\u0669\\u06F0-\\u06F9]");

    /** A Russian or Ukrainian "I" with a past-tense verb or adjective in the male form only ("Я пришёл", "Я закінчив"). */
    static final Pattern MALE_FIRST_PERSON = Pattern.compile(
            "(?iu)(^|[^\\p{L}])я\\s+(\\p{L}+(л|в|лся|вся)|готов|рад|уверен|должен|сам)(?![\\p{L}])");

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
    void no_text_is_left_in_english_by_mistake() {
        Properties english = bundle(Language.EN);
        for (Language language : Language.values()) {
            if (language == Language.EN) {
                continue;
            }
            Properties texts = bundle(language);
            List<String> same = texts.stringPropertyNames().stream()
                    .filter(key -> texts.getProperty(key).equals(english.getProperty(key)))
                    // notation such as "{0}–{1}" has no words to translate
                    .filter(key -> texts.getProperty(key).replaceAll("\\{\\d+\\}", "").chars().anyMatch(Character::isLetter))
                    .filter(key -> !LOANWORDS.getOrDefault(language, Set.of()).contains(texts.getProperty(key)))
                    .sorted().toList();
            assertThat(same).as(language + " texts the same as English (a deliberate loanword goes in LOANWORDS)").isEmpty();
        }
    }

    @Test
    void russian_and_ukrainian_speak_to_everyone_not_in_a_male_only_form() {
        for (Language language : List.of(Language.RU, Language.UK)) {
            Properties texts = bundle(language);
            for (String key : texts.stringPropertyNames()) {
                assertThat(MALE_FIRST_PERSON.matcher(texts.getProperty(key)).find())
                        .as(language + " " + key + ": " + texts.getProperty(key)).isFalse();
            }
        }
        assertThat(MALE_FIRST_PERSON.matcher("Я пришёл").find()).as("the check itself").isTrue();
        assertThat(MALE_FIRST_PERSON.matcher("Я закінчив. Завершити зараз.").find()).as("the check itself").isTrue();
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
        scene.translateRoom(scene.bareRoom, names(NAMES), names(PLACES));
        inLanguage(language);
        check(language, "start");
        tap("book");
        check(language, "when");
        tap("when-later");
        check(language, "length");
        tap("length-30");
        check(language, "hours");
        // the day's last hour: its starts are later, never the one that has begun
        tap(lastButton("hour-"));
        check(language, "rooms later");
        assertThat(text("room-" + scene.bareRoom)).contains(NAMES.get(language)).contains(PLACES.get(language));
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
        assertThat(text("room-" + scene.bareRoom)).contains(NAMES.get(language)).contains(PLACES.get(language));
        tap("room-" + scene.bareRoom + "-for-30");
        check(language, "confirm");
        assertThat(text("confirm-room")).contains(NAMES.get(language));
        assertThat(text("confirm-place")).contains(PLACES.get(language));
        tap("device-laptop");
        check(language, "confirm with a device");
        tap("confirm");
        check(language, "done");
        assertThat(text("done-room")).contains(NAMES.get(language));
        assertThat(text("done-place")).contains(PLACES.get(language));
        String code = shownCode();
        tap("print");
        check(language, "printed");
        assertThat(printer.lastReceipt()).hasValueSatisfying(receipt -> {
            assertThat(receipt).contains(NAMES.get(language)).contains(PLACES.get(language));
            assertThat(OTHER_DIGITS.matcher(receipt).find()).as("digits on the receipt").isFalse();
            for (Language other : Language.values()) {
                if (!NAMES.get(other).equals(NAMES.get(language))) {
                    assertThat(receipt).as("the receipt in " + language).doesNotContain(NAMES.get(other));
                }
            }
        });

        restart(language);
        tap("have-booking");
        check(language, "code");
        typeCode("ABCDEFGHJ");
        tap("show-booking");
        check(language, "wrong code");
        typeCode(code);
        tap("show-booking");
        check(language, "booking");
        assertThat(text("done-room")).contains(NAMES.get(language));
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

        // closed all day today: the rooms say when they open, and the next free time is one tap
        scene.hoursOn(java.time.LocalDate.now(scene.zone), null, null);
        restart(language);
        check(language, "start, closed");
        tap("book-now");
        assertThat(screen()).isEqualTo("no-room");
        check(language, "closed now");
        tap("next-free");
        check(language, "confirm the next free time");

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

    private static Map<String, String> names(Map<Language, String> texts) {
        Map<String, String> byTag = new java.util.HashMap<>();
        texts.forEach((language, text) -> byTag.put(language.tag(), text));
        return byTag;
    }

    private void check(Language language, String where) {
        String all = view().getElement().getTextRecursively();
        assertThat(OTHER_DIGITS.matcher(all).find()).as("digits other than 0–9 on the '" + where + "' screen in " + language).isFalse();
        for (Language other : Language.values()) {
            for (Map<Language, String> texts : List.of(NAMES, PLACES)) {
                if (!texts.get(other).equals(texts.get(language))) {
                    assertThat(all).as("the room in " + other + " on the '" + where + "' screen in " + language)
                            .doesNotContain(texts.get(other));
                }
            }
        }
        List<Pattern> allowed = new ArrayList<>();
        Properties texts = bundle(language);
        Properties english = bundle(Language.EN);
        for (String key : kioskKeys(english)) {
            allowed.add(MessagePattern.of(texts.getProperty(key)));
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
