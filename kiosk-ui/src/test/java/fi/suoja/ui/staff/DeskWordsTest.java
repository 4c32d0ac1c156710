package fi.suoja.ui.staff;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.Element;
import fi.suoja.ui.FakeLaptop;
import fi.suoja.ui.OwnServer;
import fi.suoja.ui.TestScene;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing raw on the desk: every page of the staff desk, in each desk language, with a library in
 * full swing (a booking now and one later, devices ready, on loan, faulty with a reason, new, and
 * one the server cannot hear with a refusal; a help call and a door alert of every code open), shows
 * no ISO-8601 instant, no Java class name or exception, and on the Finnish and Swedish desks no
 * English sentence: neither a text of the English bundle nor a sentence the server used to send.
 * Unlike {@link StaffTranslationsTest} this looks at data too, since the server's words arrive as
 * data. The only English allowed on a Finnish or Swedish desk is text marked {@code lang="en"}: the
 * words of an alert raised before alerts had codes.
 */
class DeskWordsTest extends KaribuStaff {

    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
    /** An ISO date in words (a picker's value is ISO and shown by the browser in the desk's format, so only text is checked). */
    private static final Pattern ISO_DATE = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b");
    /** A package or class of the code, or an exception's name ("Exception days" is a word of the desk, not a class). */
    private static final Pattern CODE = Pattern.compile("fi\\.suoja\\.|javax?\\.\\w|\\w+Exception\\b|\\bException:");
    /** English the server sent to desks before it sent codes (reasons, alerts, refusals), in part. */
    private static final List<String> SERVER_ENGLISH = List.of("The door lock did", "Many wrong", "Wiped and verified",
            "New: waiting", "waiting for the agent", "Faulty: ", "Retired: ", "This cannot be done now", "A wipe result",
            "An unsigned", "whose signature", "the lock did not answer", "the lock refused", "the sign was not reached",
            "the adapter failed", "Try 1:", "tries;", "Is someone guessing", "was not found", "exists already",
            "Let the person in", "An online status");
    private static final String OLD_ALERT = "The door lock did not take the door code of a booking. (4 tries; the lock did not answer)";
    private static final String FAULT = "Näppäimistö rikki / tangentbordet trasigt";

    /** A server of its own, whose alerts a test can raise. */
    @RegisterExtension
    static final OwnServer SERVER = OwnServer.withOffsetClock();

    @Override
    TestScene newScene() {
        return SERVER.newScene();
    }

    @ParameterizedTest
    @ValueSource(strings = {"fi", "sv", "en"})
    void no_page_of_the_desk_shows_an_instant_a_class_name_or_the_servers_english(String tag) {
        Locale language = Locale.forLanguageTag(tag);
        UI.getCurrent().getSession().setLocale(language);
        String now = scene.bookNowElsewhere(scene.equippedRoom, 30).path("code").asText();
        scene.bookAt(scene.bareRoom, Instant.now().plus(Duration.ofHours(3)).truncatedTo(java.time.temporal.ChronoUnit.HOURS), 30);
        scene.readyAccessory("WEBCAM");
        String lent = scene.readyAccessory("HEADSET");
        scene.handOutElsewhere(lent, now);
        String faulty = scene.readyAccessory("WEBCAM");
        scene.faultyElsewhere(faulty, FAULT);
        String fresh = scene.registerDevice("LAPTOP");
        String unheard = scene.registerDevice("LAPTOP");
        raiseEveryAlert();
        scene.hoursOn(java.time.LocalDate.now(scene.zone).plusDays(20), null, null);

        UI.getCurrent().navigate(LoginView.class);
        check(language, "login");
        logIn("admin", "wrong-password-here");
        check(language, "login refused");
        logInAsAdmin();
        try (FakeLaptop agent = FakeLaptop.connect(SERVER.process().brokerUrl(), scene.agentConfig(unheard))) {
            await("the laptop's first wipe", () -> "READY".equals(scene.device(unheard).path("state").asText()));
            agent.unsignedStatus();
            await("the server no longer hears the laptop", () -> scene.device(unheard).path("hearing").path("unheard").asBoolean());
        }
        long call = scene.callForHelp("ROOMS", "ar").path("id").asLong();
        await("the help call on the desk", () -> has("help-call-" + call));
        // raised before the desk's stream opened: all come in its first list
        await("every alert on the desk", () -> has("door-alerts") && text("door-alerts").contains(OLD_ALERT));
        String alerts = text("door-alerts");
        for (String code : List.of("CODE_NOT_SET", "CODE_NOT_REVOKED", "DOOR_NOT_OPENED", "SIGN_NOT_CHANGED", "CANCELLED_CODE_MAY_OPEN")) {
            assertThat(alerts).contains(t("staff.alert." + code));
        }
        assertThat(alerts).contains(t("staff.alert.tries", 4, t("staff.alert.failure.LOCK_NO_ANSWER")))
                .contains(t("staff.alert.PASSWORDS_GUESSED", "desk-" + scene.siteId, 20))
                .contains(t("staff.alert.NAMES_GUESSED", address(), 30))
                .contains(t("staff.alert.LEGACY"));
        check(language, "today");
        click("today-view-toggle");
        check(language, "today, the other view");
        click("today-view-toggle");
        click("booking-" + now.replace("-", ""));
        check(language, "a booking open");

        UI.getCurrent().navigate(DevicesView.class);
        assertThat(text("device-" + faulty)).contains(FAULT);
        assertThat(text("unheard-" + unheard)).endsWith(t("staff.refusal.UNSIGNED"));
        assertThat(text("device-" + lent)).contains(t("staff.state.ON_LOAN"));
        check(language, "devices");
        click("history-" + faulty);
        click("history-" + lent);
        assertThat(has("history-of-" + faulty)).isTrue();
        check(language, "devices with their histories open");
        click("mode-hand-out");
        _setValue(_get(TextField.class, spec -> spec.withId("scan")), fresh);
        click("scan-go");
        assertThat(has("devices-notice")).as("a refused hand-out").isTrue();
        check(language, "a refused hand-out");
        _setValue(_get(TextField.class, spec -> spec.withId("scan")), unheard);
        click("scan-go");
        check(language, "a refused hand-out of a laptop the server cannot hear");

        UI.getCurrent().navigate(StatisticsView.class);
        check(language, "statistics");
        for (Class<? extends com.vaadin.flow.component.Component> admin : List.of(AdminRoomsView.class, AdminRulesView.class,
                AdminDevicesView.class, AdminKiosksView.class, AdminAccountsView.class, AdminAuditView.class)) {
            UI.getCurrent().navigate(admin);
            check(language, admin.getSimpleName());
        }
        UI.getCurrent().navigate(AdminRoomsView.class);
        click("room-edit-" + scene.bareRoom);
        assertThat(has("days")).isTrue();
        check(language, "a room with an exception day");
    }

    /** One alert of every code the server has, and one from before codes; tries and failures as the door runner gives them. */
    private void raiseEveryAlert() {
        scene.raiseAlert(scene.equippedRoom, "CODE_NOT_SET", 4, "LOCK_NO_ANSWER", null);
        scene.raiseAlert(scene.equippedRoom, "CODE_NOT_REVOKED", 4, "LOCK_REFUSED", null);
        scene.raiseAlert(scene.equippedRoom, "DOOR_NOT_OPENED", 1, "ADAPTER_FAILED", null);
        scene.raiseAlert(scene.bareRoom, "SIGN_NOT_CHANGED", 4, "SIGN_NOT_REACHED", null);
        scene.raiseAlert(scene.equippedRoom, "CANCELLED_CODE_MAY_OPEN", 1, "NO_FREE_SLOT", null);
        scene.raiseAlert(scene.equippedRoom, "CODES_GUESSED", 12, null, null);
        scene.raiseAlert(scene.equippedRoom, "PASSWORDS_GUESSED", 20, null, "desk-" + scene.siteId);
        scene.raiseAlert(scene.equippedRoom, "NAMES_GUESSED", 30, null, address());
        scene.raiseAlert(scene.equippedRoom, "LEGACY", 0, null, OLD_ALERT);
    }

    private String address() {
        return "192.0.2." + scene.siteId % 250;
    }

    // ---- the check itself can fail ----

    @Test
    void an_instant_a_class_name_or_english_on_a_finnish_desk_is_found() {
        Div page = new Div(new Span("Varattu 2026-12-06T10:15:00Z asti"), new Span("java.lang.IllegalStateException: boom"),
                new Span(englishText("staff.alert.DOOR_NOT_OPENED")), new Span("Wiped and verified at 10:00."));
        Span declared = new Span("The door lock did not take it.");
        declared.getElement().setAttribute("lang", "en");
        page.add(declared, new Span("Ovi ei auennut."));
        assertThat(problems(page.getElement(), Locale.forLanguageTag("fi"))).hasSize(4)
                .anySatisfy(p -> assertThat(p).contains("instant")).anySatisfy(p -> assertThat(p).contains("java.lang"))
                .anySatisfy(p -> assertThat(p).contains("The door did not open")).anySatisfy(p -> assertThat(p).contains("Wiped"));
        assertThat(problems(page.getElement(), Locale.ENGLISH)).as("English is right on an English desk, instants and classes never")
                .hasSize(2);
        assertThat(problems(new Span("Exception days").getElement(), Locale.ENGLISH)).as("a word of the desk, not a class").isEmpty();
    }

    private static String englishText(String key) {
        return bundle(Locale.ENGLISH).getProperty(key);
    }

    /** Fails when the desk shown now (the whole UI: layout, alerts, help calls and page) has raw text. */
    private static void check(Locale language, String where) {
        var chain = UI.getCurrent().getInternals().getActiveRouterTargetsChain();
        // the outermost of the route's chain: the layout with its alerts and help calls, around the page
        Element desk = chain.get(chain.size() - 1).getElement();
        assertThat(desk.getTextRecursively()).as("the desk has text on '" + where + "'").isNotBlank();
        List<String> problems = problems(desk, language);
        assertThat(problems).as("raw texts on '" + where + "' in " + language).isEmpty();
    }

    static List<String> problems(Element root, Locale language) {
        List<Pattern> english = language.getLanguage().equals("en") ? List.of() : englishPhrases(language);
        List<String> problems = new ArrayList<>();
        walk(root, english, false, problems);
        return problems;
    }

    /**
     * Phrases of the English bundle's staff texts (each fragment between placeholders long enough to
     * be a phrase), and the server's old English sentences.
     */
    private static List<Pattern> englishPhrases(Locale language) {
        Properties english = bundle(Locale.ENGLISH);
        Set<String> phrases = new LinkedHashSet<>(SERVER_ENGLISH);
        for (String key : english.stringPropertyNames()) {
            String value = english.getProperty(key);
            // a phrase the same in both is untranslated too: checked all the same
            if (!key.startsWith("staff.")) {
                continue;
            }
            for (String part : value.split("\\{[^}]*}")) {
                String phrase = part.strip();
                if (phrase.length() >= 12 && phrase.contains(" ")) {
                    phrases.add(phrase);
                }
            }
        }
        return phrases.stream().map(phrase -> Pattern.compile(Pattern.quote(phrase))).toList();
    }

    private static void walk(Element element, List<Pattern> english, boolean declaredEnglish, List<String> problems) {
        if (!element.isVisible()) {
            return;
        }
        boolean inEnglish = declaredEnglish || "en".equals(element.getAttribute("lang"));
        for (String attribute : List.of("aria-label", "alt", "title", "placeholder", "label", "value")) {
            String value = element.getAttribute(attribute);
            judge(value != null ? value : element.getProperty(attribute), english, inEnglish, problems);
        }
        element.getChildren().forEach(child -> {
            if (child.isTextNode()) {
                judge(child.getText(), english, inEnglish, problems);
                if (ISO_DATE.matcher(child.getText()).find()) {
                    problems.add("an ISO date: " + child.getText());
                }
            } else {
                walk(child, english, inEnglish, problems);
            }
        });
    }

    private static void judge(String text, List<Pattern> english, boolean declaredEnglish, List<String> problems) {
        if (text == null || text.isBlank()) {
            return;
        }
        if (INSTANT.matcher(text).find()) {
            problems.add("an instant: " + text);
        }
        if (CODE.matcher(text).find()) {
            problems.add("code: " + text);
        }
        if (!declaredEnglish) {
            english.stream().filter(p -> p.matcher(text).find()).findFirst()
                    .ifPresent(p -> problems.add("English (" + p.pattern() + "): " + text));
        }
    }

    private static Properties bundle(Locale language) {
        String name = language.getLanguage().equals("en") ? "translations.properties"
                : "translations_" + language.getLanguage() + ".properties";
        Properties properties = new Properties();
        try (InputStream in = DeskWordsTest.class.getResourceAsStream("/vaadin-i18n/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
