package fi.suoja.ui.kiosk;

import fi.suoja.hardware.TempDirs;
import fi.suoja.ui.Chromium;
import fi.suoja.ui.KioskServerProcess;
import fi.suoja.ui.LocalUi;
import fi.suoja.ui.TestScene;
import fi.suoja.ui.speech.EspeakNg;
import fi.suoja.ui.speech.FakeSynthesizer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Listen" in a real headless Chromium with the real eSpeak NG: in each of the eight languages the
 * start, confirm and done screens are read aloud, the clips the page loads are of a plausible
 * length, they are exactly the texts on the screen, and what eSpeak NG was given is in the
 * visitor's language (a wrapper around {@code espeak-ng}, set as the kiosk's synthesizer program,
 * writes down every text it is handed). Somali, which has no voice, is heard from recordings (made
 * here by eSpeak NG's English voice, as a library would record them). A recording present for a
 * text is played instead of the voice. axe-core finds nothing while it plays; screenshots at
 * 1080 × 1920 in {@code target/screenshots/listen-*}.
 */
@Tag("browser")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ListenBrowserTest {

    static final String AXE_TAGS = "'wcag2a', 'wcag2aa', 'wcag2aaa', 'wcag21a', 'wcag21aa', 'best-practice'";
    /** The recording of the Finnish confirm screen's heading: a tone of a length no voice would take for it. */
    static final int RECORDED_MILLIS = 3210;
    /** A room booked for now in each language, and one for the recording. */
    static final int MORE_ROOMS = 10;

    static TestScene scene;
    static LocalUi ui;
    static Path spoken;
    static Path voices;
    static Path screenshots;

    WebDriver driver;
    final List<String> violations = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        Chromium.requireInstalled();
        assertThat(EspeakNg.find("espeak-ng", KioskSpeech.LANGUAGES)).as("eSpeak NG is needed: apt-get install -y espeak-ng")
                .isInstanceOf(EspeakNg.Found.Usable.class);
        screenshots = Path.of(System.getProperty("suoja.test.screenshots", "target/screenshots"));
        Files.createDirectories(screenshots);
        Path work = TempDirs.create("suoja-listen-test");
        spoken = work.resolve("spoken.tsv");
        Files.createFile(spoken);
        Path espeak = work.resolve("espeak-ng");
        Files.writeString(espeak, """
                #!/bin/sh
                # the real espeak-ng, writing down first the voice and the text it is asked to say
                if [ "$1" = "-v" ]; then
                  text=$(cat)
                  printf '%%s\\t%%s\\n' "$2" "$text" >> '%s'
                  printf '%%s' "$text" | exec espeak-ng "$@"
                fi
                exec espeak-ng "$@"
                """.formatted(spoken));
        Files.setPosixFilePermissions(espeak, PosixFilePermissions.fromString("rwx------"));
        voices = work.resolve("voices");
        scene = TestScene.create(KioskServerProcess.get().uri(), MORE_ROOMS);
        recordSomali();

        System.setProperty("suoja.espeak", espeak.toString());
        System.setProperty("suoja.voice.dir", voices.toString());
        ui = LocalUi.start(scene);
    }

    /**
     * What a library would record for Somali: every text of the Somali bundle without a number in
     * it, each character of a code, and the rooms' names and places (said here by eSpeak NG's
     * English voice, the only stand-in at hand).
     */
    private static void recordSomali() throws IOException, InterruptedException {
        Path somali = Files.createDirectories(voices.resolve("so"));
        ResourceBundle bundle = ResourceBundle.getBundle("vaadin-i18n.translations", Locale.forLanguageTag("so"),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        for (String key : bundle.keySet()) {
            if (!bundle.getString(key).contains("{")) {
                record(somali.resolve(key + ".wav"), bundle.getString(key));
            }
        }
        for (char c : "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789".toCharArray()) {
            record(somali.resolve("char." + c + ".wav"), String.valueOf(c));
        }
        List<String> data = new ArrayList<>(List.of("Room 1", "Room 2", "2nd floor, next to the newspapers",
                "Ground floor, behind the help desk"));
        for (int i = 0; i < MORE_ROOMS; i++) {
            data.add("Room " + (3 + i));
            data.add("3rd floor, room " + (301 + i));
        }
        for (String text : data) {
            record(somali.resolve("text." + text + ".wav"), text);
        }
    }

    private static void record(Path file, String text) throws IOException, InterruptedException {
        Process espeak = new ProcessBuilder("espeak-ng", "-v", "en", "-w", file.toString(), text)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(espeak.waitFor()).as("espeak-ng recording " + file.getFileName()).isZero();
    }

    @AfterAll
    static void stop() {
        if (ui != null) {
            ui.stop("listen tests done");
        }
        System.clearProperty("suoja.espeak");
        System.clearProperty("suoja.voice.dir");
    }

    @BeforeEach
    void browser() throws IOException {
        driver = Chromium.start();
    }

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fi", "sv", "en", "ru", "et", "ar", "so", "uk"})
    @Order(1)
    void the_start_confirm_and_done_screens_are_read_aloud_in_the_visitors_language(String language) {
        if (language.equals("fi") || language.equals("ar")) {
            // the kiosk's touchscreen, portrait
            ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 1080, "height", 1920, "deviceScaleFactor", 1, "mobile", false));
        }
        open(language);
        readAloud(language, "start");
        tap("book-now", "rooms");
        WebElement room = driver.findElements(By.cssSelector("button[id^='room-']")).stream()
                .filter(b -> b.getAttribute("id").endsWith("-for-30")).findFirst().orElseThrow();
        tap(room.getAttribute("id"), "confirm");
        readAloud(language, "confirm");
        tap("confirm", "done");
        List<String> done = readAloud(language, "done");

        String code = driver.findElement(By.cssSelector("#booking-code .fact-value")).getText().replace("-", "").strip();
        // only a room with a keypad lock has a door code
        String door = driver.findElements(By.cssSelector("#door-code .fact-value")).stream().map(e -> e.getText().strip())
                .findFirst().orElse(null);
        List<String> spelled = new ArrayList<>();
        spelled.add(driver.findElement(By.cssSelector("#booking-code .fact-label")).getText().strip());
        code.chars().forEach(c -> spelled.add(Character.toString(c)));
        if (door != null) {
            spelled.add(driver.findElement(By.cssSelector("#door-code .fact-label")).getText().strip());
            door.chars().forEach(c -> spelled.add(Character.toString(c)));
        }
        int first = Collections.indexOfSubList(done, spelled);
        assertThat(first).as("the codes spelled character by character").isPositive();
        assertThat(done.subList(first + spelled.size(), first + 2 * spelled.size())).as("twice").isEqualTo(spelled);
        assertThat(violations).as("axe-core while reading aloud").isEmpty();
    }

    @Test
    @Order(2)
    void a_recording_of_a_text_is_played_instead_of_the_voice_and_the_reading_ends_by_itself() throws IOException {
        Files.createDirectories(voices.resolve("fi"));
        Files.write(voices.resolve("fi/confirm.heading.wav"), FakeSynthesizer.tone(RECORDED_MILLIS, 440));
        open("fi");
        tap("book-now", "rooms");
        tap(driver.findElements(By.cssSelector("button[id^='room-']")).stream().map(b -> b.getAttribute("id"))
                .filter(id -> id.endsWith("-for-30")).findFirst().orElseThrow(), "confirm");
        long before = spokenLines().size();

        driver.findElement(By.id("listen")).click();
        List<Map<String, Object>> tracks = loadedTracks();

        assertThat(tracks.get(0).get("text")).isEqualTo(text("screen-heading"));
        assertThat(((Number) tracks.get(0).get("duration")).doubleValue()).as("the recording's length, s")
                .isCloseTo(RECORDED_MILLIS / 1000.0, org.assertj.core.data.Offset.offset(0.02));
        assertThat(spokenLines().subList((int) before, spokenLines().size())).as("the voice is not asked for the recorded text")
                .noneMatch(line -> line.endsWith("\t" + text("screen-heading")));
        new WebDriverWait(driver, Duration.ofSeconds(120)).until(d ->
                "false".equals(d.findElement(By.id("listen")).getAttribute("aria-pressed")));
        assertThat(driver.findElements(By.cssSelector("#listen-tracks audio"))).as("all played, none left").isEmpty();
    }

    // ---- helpers ----

    /**
     * Taps Listen and checks what the page loads: every track a text on the screen, the heading
     * and the choices among them, each clip of a plausible length, the first one playing, and the
     * voice given only this language's texts. Taps again to stop. Returns the texts, in order.
     */
    private List<String> readAloud(String language, String screen) {
        int before = spokenLines().size();
        // a real tap (a script's click is no user gesture, and the browser would not play)
        js("window.listenTapped = null; window.listenPlaying = null;"
                + " document.addEventListener('click', () => { window.listenTapped = performance.now(); }, {capture: true, once: true});"
                + " document.addEventListener('playing', () => { if (window.listenPlaying === null) {"
                + " window.listenPlaying = performance.now(); } }, {capture: true, once: true});");
        WebElement listen = driver.findElement(By.id("listen"));
        listen.click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).withMessage(() -> "Listen pressed on " + language + " " + screen + ": "
                        + js("return document.getElementById('screen').dataset.screen + ' ' + document.getElementById('listen').outerHTML"))
                .until(d -> "true".equals(listen.getAttribute("aria-pressed")));
        List<Map<String, Object>> tracks = loadedTracks();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> js("return window.listenPlaying") != null);
        System.out.printf("[listen] %s %s: %d clips, first sound %.0f ms after the tap%n", language, screen, tracks.size(),
                ((Number) js("return window.listenPlaying - window.listenTapped")).doubleValue());
        audit(language, screen);
        screenshot(language, screen);

        String onScreen = driver.findElement(By.id("screen")).getText();
        List<String> texts = tracks.stream().map(t -> String.valueOf(t.get("text"))).toList();
        assertThat(texts).as(language + " " + screen + ": every text read is on the screen").allSatisfy(text ->
                assertThat(onScreen.replace("\n", " ")).contains(text));
        assertThat(texts).contains(text("screen-heading"));
        for (WebElement button : driver.findElements(By.cssSelector("#screen button"))) {
            assertThat(texts).as("the choice " + button.getAttribute("id")).containsAll(List.of(button.getText().split("\n")));
        }
        for (Map<String, Object> track : tracks) {
            String text = String.valueOf(track.get("text"));
            Object duration = track.get("duration");
            if (duration == null) {
                assertThat(language).as("a clip that did not load: " + track).isEqualTo("so");
                continue;
            }
            double seconds = ((Number) duration).doubleValue();
            assertThat(seconds).as(language + " \"" + text + "\", s").isBetween(0.15, 2.5 + 0.25 * text.length());
        }
        List<String> said = spokenLines().subList(before, spokenLines().size());
        if (language.equals("so")) {
            assertThat(said).as("Somali has no voice: only recordings play").isEmpty();
            assertThat(tracks.get(0).get("duration")).as("the heading's recording").isNotNull();
        }
        Set<String> english = englishTexts();
        for (String line : said) {
            String[] voiceAndText = line.split("\t", 2);
            assertThat(voiceAndText[0]).as("the voice of \"" + voiceAndText[1] + "\"").isEqualTo(language);
            assertThat(texts).as("the voice said only texts on the screen").contains(voiceAndText[1]);
            if (!language.equals("en")) {
                assertThat(english).as("English given to the " + language + " voice").doesNotContain(voiceAndText[1]);
            }
        }

        // a short reading may have ended by itself meanwhile; a tap then would start it again
        js("const b = document.getElementById('listen'); if (b.getAttribute('aria-pressed') === 'true') { b.click(); }");
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> "false".equals(listen.getAttribute("aria-pressed")));
        assertThat(driver.findElements(By.cssSelector("#listen-tracks audio"))).as("a second tap stops it").isEmpty();
        return texts;
    }

    /** Every track's text and, once loaded, its duration in seconds (null for one the server had nothing for). */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> loadedTracks() {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(js(
                "const t = Array.from(document.querySelectorAll('#listen-tracks audio'));"
                        + " return t.length > 0 && t.every(a => a.readyState >= 1 || a.error !== null);")));
        return (List<Map<String, Object>>) js("return Array.from(document.querySelectorAll('#listen-tracks audio')).map(a =>"
                + " ({text: a.dataset.text, duration: a.error === null && isFinite(a.duration) ? a.duration : null}));");
    }

    /** The texts of the English bundle that other languages translate. */
    private static Set<String> englishTexts() {
        ResourceBundle english = ResourceBundle.getBundle("vaadin-i18n.translations", Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return english.keySet().stream().filter(key -> !key.startsWith("staff.")).map(english::getString)
                .filter(text -> !text.contains("{") && text.length() > 3).collect(Collectors.toSet());
    }

    private static List<String> spokenLines() {
        try {
            return Files.readAllLines(spoken, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private void open(String language) {
        driver.get(ui.base);
        waitForScreen("start");
        if (!language.equals("fi")) {
            driver.findElement(By.id("lang-" + language)).click();
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> language.equals(js("return document.documentElement.lang")));
        }
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("listen")).isDisplayed());
    }

    private void tap(String id, String screen) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id(id)).isDisplayed());
        driver.findElement(By.id(id)).click();
        waitForScreen(screen);
    }

    private void waitForScreen(String screen) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> screen.equals(d.findElement(By.id("screen")).getAttribute("data-screen")));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(js(
                "return !window.Vaadin || !window.Vaadin.Flow || !window.Vaadin.Flow.clients"
                        + " || Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive())")));
    }

    private String text(String id) {
        return driver.findElement(By.id(id)).getText().strip();
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    /**
     * axe-core while it plays, and the control itself: at least 64 px each way, its words not cut,
     * and overlapping nothing else in the bar.
     */
    private void audit(String language, String screen) {
        Chromium.axe(driver, AXE_TAGS).forEach(v -> violations.add(language + " " + screen + ": " + v));
        @SuppressWarnings("unchecked")
        Map<String, Object> box = (Map<String, Object>) js("const b = document.getElementById('listen');"
                + " const r = b.getBoundingClientRect();"
                + " const others = Array.from(document.querySelectorAll('header button')).filter(o => o !== b).map(o => o.getBoundingClientRect());"
                + " return {w: r.width, h: r.height, cut: b.scrollWidth > b.clientWidth + 1,"
                + " overlaps: others.filter(o => o.left < r.right && r.left < o.right && o.top < r.bottom && r.top < o.bottom).length};");
        assertThat(((Number) box.get("w")).doubleValue()).as("Listen's width").isGreaterThanOrEqualTo(64);
        assertThat(((Number) box.get("h")).doubleValue()).as("Listen's height").isGreaterThanOrEqualTo(64);
        assertThat(box.get("cut")).as("Listen's words cut off").isEqualTo(false);
        assertThat(((Number) box.get("overlaps")).intValue()).as("buttons Listen overlaps").isZero();
    }

    private void screenshot(String language, String screen) {
        try {
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(),
                    screenshots.resolve("listen-" + language + "-" + screen + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new AssertionError("could not save a screenshot", e);
        }
    }
}
