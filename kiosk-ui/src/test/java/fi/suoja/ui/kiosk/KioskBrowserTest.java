package fi.suoja.ui.kiosk;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.mvysny.vaadinboot.VaadinBoot;
import fi.suoja.hardware.TempDirs;
import fi.suoja.ui.Chromium;
import fi.suoja.ui.KioskServerProcess;
import fi.suoja.ui.TestScene;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
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

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kiosk in a real headless Chromium, in Finnish and in Arabic: every flow end to end against
 * a real kiosk-server, an axe-core audit (WCAG 2.0/2.1 A, AA and AAA) of every screen, the size
 * of every clickable thing, and a screenshot of every screen in {@code target/screenshots}. The
 * server's clock is the real time until a test moves it forward past a booking's grace time, and
 * its booking and door jobs run every second; its door locks are simulated.
 */
@Tag("browser")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KioskBrowserTest {

    static final int IDLE_SECONDS = 12;
    static final int STILL_HERE_SECONDS = 5;
    static final int MIN_TARGET = 64;

    static final java.util.concurrent.atomic.AtomicInteger AUDITED = new java.util.concurrent.atomic.AtomicInteger();

    static int serverPort;
    static Path dataDir;
    static KioskServerProcess server;
    static TestScene scene;
    static VaadinBoot ui;
    static String base;
    static Path screenshots;

    WebDriver driver;
    int taps;
    int shot;
    final Map<String, List<String>> violations = new TreeMap<>();
    final List<String> smallTargets = new ArrayList<>();
    double smallest = Double.MAX_VALUE;
    String smallestWhat = "";

    @BeforeAll
    static void start() throws Exception {
        Chromium.requireInstalled();
        System.out.println("[kiosk] axe-core " + fi.suoja.ui.Axe.version(fi.suoja.ui.Axe.source()));
        screenshots = Path.of(System.getProperty("suoja.test.screenshots", "target/screenshots"));
        Files.createDirectories(screenshots);

        serverPort = KioskServerProcess.freePort();
        dataDir = TempDirs.create("suoja-browser-test-db");
        server = startServer();
        scene = TestScene.create(server.uri(), 5);

        int uiPort = KioskServerProcess.freePort();
        System.setProperty("suoja.server.url", server.uri().toString());
        System.setProperty("suoja.kiosk.token", scene.kioskToken);
        System.setProperty("suoja.idle.seconds", Integer.toString(IDLE_SECONDS));
        System.setProperty("suoja.still.here.seconds", Integer.toString(STILL_HERE_SECONDS));
        System.setProperty("suoja.staff.site.id", Long.toString(scene.siteId));
        ui = new VaadinBoot().withPort(uiPort).localhostOnly().openBrowserInDevMode(false);
        ui.start();
        base = "http://localhost:" + uiPort + "/";
    }

    static KioskServerProcess startServer() {
        return KioskServerProcess.startOwnWithOffsetClock(serverPort, dataDir,
                "suoja.jobs.booking-interval=1s", "suoja.jobs.door-interval=1s");
    }

    @AfterAll
    static void stop() {
        System.out.println("[kiosk] axe-core audits run: " + AUDITED.get());
        System.clearProperty("suoja.staff.site.id");
        if (ui != null) {
            ui.stop("browser tests done");
        }
        if (server != null) {
            server.stop();
        }
    }

    @BeforeEach
    void browser() throws IOException {
        driver = chromium();
    }

    private static WebDriver chromium() throws IOException {
        return Chromium.start();
    }

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    // ---- the flows ----

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fi", "ar"})
    @Order(1)
    void book_a_room_now_in_four_taps_then_print(String language) {
        open(language, "now");
        taps = 0;
        tap("book", "when");
        tap("when-now", "rooms");
        audit(language, "now");
        tap(firstId("room-", "-for-30"), "confirm");
        audit(language, "now");
        tap("confirm", "done");
        assertThat(taps).as("taps from the start screen to a booked room").isLessThanOrEqualTo(4);
        System.out.println("[kiosk] taps to book now (" + language + "): " + taps);
        assertThat(text("booking-code")).matches("(?s).*[2-9A-Z]{3}-[2-9A-Z]{3}-[2-9A-Z]{3}.*");
        assertThat(driver.findElement(By.id("booking-qr")).getAttribute("naturalWidth")).isNotEqualTo("0");
        audit(language, "now");
        tap("print", "done");
        waitFor(By.id("print-notice"));
        audit(language, "now-printed");
        tap("finish", "start");
        finish();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fi", "ar"})
    @Order(2)
    void book_later_today_with_a_loan_device(String language) {
        open(language, "later");
        tap("book", "when");
        tap("when-later", "length");
        audit(language, "later");
        tap("length-60", "hours");
        audit(language, "later");
        tap(lastId("hour-"), "rooms");
        audit(language, "later");
        // the last room (one of the rooms with a headset only) at the last start: late in the day
        tap(lastId("room-"), "confirm");
        tap("device-laptop", "confirm");
        assertThat(driver.findElement(By.id("device-laptop")).getAttribute("role")).isEqualTo("switch");
        assertThat(driver.findElement(By.id("device-laptop")).getAttribute("aria-checked")).isEqualTo("true");
        audit(language, "later");
        tap("confirm", "done");
        assertThat(driver.findElement(By.id("screen")).getText()).isNotBlank();
        audit(language, "later");
        finish();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fi", "ar"})
    @Order(3)
    void book_another_day(String language) {
        open(language, "day");
        tap("book", "when");
        tap("when-day", "days");
        audit(language, "day");
        tap("day-2", "length");
        tap("length-30", "hours");
        tap(lastId("hour-"), "rooms");
        tap(lastId("room-"), "confirm");
        tap("confirm", "done");
        finish();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fi", "ar"})
    @Order(4)
    void manage_a_booking_by_its_code(String language) {
        open(language, "code");
        tap("book", "when");
        tap("when-now", "rooms");
        tap(firstId("room-", "-for-30"), "confirm");
        tap("confirm", "done");
        String code = shownCode();
        tap("finish", "start");
        chooseLanguage(language);

        tap("have-booking", "code");
        for (char c : "ABCDEFGHJ".toCharArray()) {
            tap("key-" + c, "code");
        }
        tap("show-booking", "code");
        waitFor(By.id("code-notice"));
        audit(language, "code");
        for (char c : code.replace("-", "").toCharArray()) {
            tap("key-" + c, "code");
        }
        audit(language, "code");
        tap("show-booking", "booking");
        audit(language, "code");
        tap("extend", "booking");
        waitFor(By.id("booking-notice"));
        audit(language, "code");
        tap("end", "ask");
        audit(language, "code");
        tap("keep-booking", "booking");
        assertThat(scene.booking(code).path("status").asText()).isEqualTo("CHECKED_IN");
        tap("end", "ask");
        tap("yes-end", "booking");
        assertThat(scene.booking(code).path("status").asText()).isEqualTo("COMPLETED");
        audit(language, "code");
        finish();
    }

    /**
     * Help both ways, with the staff desk in a second browser (in Finnish): the desk acknowledges and
     * the kiosk says someone is coming, timed from the click on the desk to the words on the kiosk
     * (both browsers' clocks are this machine's); Back keeps the call with a notice on every screen;
     * the next visitor's call is a new one that chimes; the visitor takes it back.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fi", "ar"})
    @Order(5)
    void ask_staff_for_help_and_see_someone_coming(String language) throws IOException {
        open(language, "help");
        tap("help", "help");
        assertThat(text("screen-heading")).isEqualTo(words(language, "help.waiting"));
        audit(language, "help");
        long first = newestOpenCall();

        WebDriver desk = chromium();
        try {
            logInAtTheDesk(desk);
            WebElement acknowledge = waitFor(desk, By.id("help-ack-" + first));
            assertThat(waitFor(desk, By.id("help-call-" + first)).getText()).contains(words("fi", "staff.help.language." + language));
            auditDesk(desk, "desk with a call");
            screenshot(desk, "fi", "desk-help-call-" + language);

            js("window.suojaComingAt = null; new MutationObserver(() => { if (!window.suojaComingAt"
                    + " && document.querySelector('[data-help=\"acknowledged\"]')) { window.suojaComingAt = Date.now(); } })"
                    + ".observe(document.body, {subtree: true, childList: true, attributes: true});");
            long clickedAt = ((Number) ((JavascriptExecutor) desk).executeScript(
                    "const at = Date.now(); arguments[0].click(); return at;", acknowledge)).longValue();
            new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> js("return window.suojaComingAt") != null);
            long millis = ((Number) js("return window.suojaComingAt")).longValue() - clickedAt;
            System.out.println("[kiosk] help acknowledged on the desk -> \"someone is coming\" on the kiosk (" + language + "): "
                    + millis + " ms");
            assertThat(text("screen-heading")).isEqualTo(words(language, "help.coming"));
            assertThat(millis).as("from the desk's click to the kiosk's words, ms").isLessThan(2000);
            audit(language, "help");

            tap("help-back", "start");
            assertThat(text("help-notice")).contains(words(language, "help.coming"));
            tap("book", "when");
            audit(language, "help-notice");

            // the next visitor: a clean kiosk, and a call of their own that chimes at the desk
            tap("start-again", "start");
            assertThat(driver.findElement(By.id("help-notice")).isDisplayed()).isFalse();
            chooseLanguage(language);
            tap("help", "help");
            long second = newestOpenCall();
            assertThat(second).isNotEqualTo(first);
            waitFor(desk, By.id("help-ack-" + second));
            new WebDriverWait(desk, Duration.ofSeconds(10)).until(d -> "2".equals(
                    d.findElement(By.id("help-calls")).getAttribute("data-chimes")));
            assertThat(desk.findElement(By.id("help-call-" + first)).getText()).as("the first call is still there")
                    .contains(words("fi", "staff.help.acknowledgedBy").replace("{0}", "admin"));
            auditDesk(desk, "desk with two calls");
            screenshot(desk, "fi", "desk-help-calls-" + language);

            tap("help-cancel", "start");
            new WebDriverWait(desk, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.id("help-call-" + second)).getText().contains(words("fi", "staff.help.cancelled")));
            auditDesk(desk, "desk with a call the visitor cancelled");
            screenshot(desk, "fi", "desk-help-cancelled-" + language);
            click(desk, By.id("help-resolve-" + first));
            click(desk, By.id("help-seen-" + second));
            new WebDriverWait(desk, Duration.ofSeconds(10)).until(d -> !d.findElement(By.id("help-calls")).isDisplayed());
        } finally {
            desk.quit();
        }
        finish();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fi", "ar"})
    @Order(6)
    void the_kiosk_asks_then_starts_over_when_nobody_is_there(String language) {
        open(language, "idle");
        tap("larger-text", "start");
        tap("book", "when");
        audit(language, "idle");
        waitForScreen("still-here", IDLE_SECONDS + 5);
        audit(language, "idle");
        tap("still-here", "when");
        waitForScreen("still-here", IDLE_SECONDS + 5);
        waitForScreen("start", STILL_HERE_SECONDS + 5);
        assertThat(js("return document.documentElement.lang")).isEqualTo("fi");
        assertThat(js("return document.dir || document.documentElement.dir")).isNotEqualTo("rtl");
        assertThat(String.valueOf(js("return document.body.className"))).doesNotContain("large-text");
        screenshot(language, "idle-reset");
        finish();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fi", "ar"})
    @Order(7)
    void larger_text_and_strong_colours_pass_the_audit_too(String language) {
        open(language, "look");
        tap("high-contrast", "start");
        audit(language, "look");
        tap("larger-text", "start");
        tap("book", "when");
        audit(language, "look");
        finish();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fi", "ar"})
    @Order(8)
    void the_keyboard_reaches_every_choice_with_a_visible_focus(String language) {
        open(language, "keyboard");
        WebElement body = driver.findElement(By.tagName("body"));
        String focused = "";
        for (int i = 0; i < 30 && !"book".equals(focused); i++) {
            body.sendKeys(org.openqa.selenium.Keys.TAB);
            focused = String.valueOf(js("return document.activeElement && document.activeElement.id"));
        }
        assertThat(focused).as("Tab reaches the 'book' choice").isEqualTo("book");
        assertThat(js("return getComputedStyle(document.activeElement).outlineStyle")).isEqualTo("solid");
        assertThat(js("return parseFloat(getComputedStyle(document.activeElement).outlineWidth)")).asString()
                .satisfies(width -> assertThat(Double.parseDouble(width)).isGreaterThanOrEqualTo(3));
        screenshot(language, "keyboard-focus");
        driver.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);
        waitForScreen("when", 15);
        finish();
    }

    @org.junit.jupiter.api.Test
    @Order(9)
    void a_lost_server_shows_a_calm_screen_and_the_kiosk_recovers_by_itself() {
        open("fi", "broken");
        tap("book", "when");
        server.stop();
        try {
            tap("when-now", "broken");
            audit("fi", "broken");
            assertThat(driver.findElement(By.id("screen")).getText()).doesNotContain("Exception");
            chooseLanguage("ar");
            audit("ar", "broken");
        } finally {
            // the same database: a server that restarts keeps its kiosks and bookings
            server = startServer();
        }
        waitForScreen("start", 30);
        screenshot("fi", "broken-recovered");
        finish();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fi", "sv", "en", "ru", "et", "ar", "so", "uk"})
    @Order(10)
    void a_room_booked_now_stays_the_visitors_past_the_grace_time_and_its_door_code_still_opens(String language) {
        long room = scene.addRoom("Room " + language.toUpperCase(java.util.Locale.ROOT), true);
        // booked at the desk for someone who never comes: its release shows that the server's job ran
        JsonNode nobodyCame = scene.bookNowElsewhere(scene.addRoom("Desk room " + language, false), 30);
        open(language, "keep");
        chooseNowFor30(room);
        tap("confirm", "done");
        audit(language, "keep");
        assertThat(text("done-keep")).isEqualTo(words(language, "done.keep.now.door"));
        String code = shownCode();
        String door = driver.findElement(By.cssSelector("#door-code .fact-value")).getText().trim();
        assertThat(scene.booking(code).path("status").asText()).isEqualTo("CHECKED_IN");

        System.out.println("[kiosk] " + language + ": server clock moved to " + scene.advanceServerClock(Duration.ofMinutes(16))
                + ", past the 15 minutes' grace");
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d ->
                "NO_SHOW".equals(scene.booking(nobodyCame.path("code").asText()).path("status").asText()));

        JsonNode kept = scene.booking(code);
        assertThat(kept.path("status").asText()).as("the visitor's booking after the grace time").isEqualTo("CHECKED_IN");
        assertThat(kept.path("doorCodeValidUntil").asText()).isEqualTo(kept.path("end").asText());
        assertThat(scene.typeOnKeypad(room, door)).as("the door code opens the door after the grace time").isTrue();
        finish();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fi", "ar"})
    @Order(11)
    void a_booking_made_earlier_is_checked_in_by_its_door_code_or_by_its_receipt_scanned_at_the_kiosk(String language) {
        long doorRoom = scene.addRoom("Door room " + language, true);
        long scanRoom = scene.addRoom("Scan room " + language, true);
        JsonNode atTheDoor = scene.bookNowElsewhere(doorRoom, 30);
        JsonNode withPaper = scene.bookNowElsewhere(scanRoom, 30);
        assertThat(atTheDoor.path("status").asText()).isEqualTo("CONFIRMED");

        // the visitor types the door code on the lock, once the server has set it there
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> scene.typeOnKeypad(doorRoom, atTheDoor.path("doorCode").asText()));
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d ->
                "CHECKED_IN".equals(scene.booking(atTheDoor.path("code").asText()).path("status").asText()));

        open(language, "scan");
        scan("6410405082657");
        waitForScreen("code", 15);
        waitFor(By.id("code-notice"));
        audit(language, "scan");
        tap("start-again", "start");
        chooseLanguage(language);
        scan(withPaper.path("code").asText());
        waitForScreen("booking", 15);
        @SuppressWarnings("unchecked")
        List<Number> gaps = (List<Number>) js("return window.scanGaps");
        System.out.println("[kiosk] scanned " + withPaper.path("code").asText().length() + " keys and Enter; longest gap between two keys in "
                + "the browser: " + Math.round(gaps.stream().mapToDouble(Number::doubleValue).max().orElse(0)) + " ms");
        assertThat(text("booking-code")).contains(withPaper.path("code").asText());
        audit(language, "scan");
        tap("cancel", "ask");
        audit(language, "scan");
        tap("keep-booking", "booking");
        tap("check-in", "booking");
        waitFor(By.id("booking-notice"));
        assertThat(scene.booking(withPaper.path("code").asText()).path("status").asText()).isEqualTo("CHECKED_IN");
        audit(language, "scan");
        finish();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fi", "ar"})
    @Order(12)
    void every_free_start_later_today_is_reachable_by_hour_and_a_late_afternoon_start_is_booked(String language) {
        open(language, "times");
        tap("book", "when");
        tap("when-later", "length");
        tap("length-30", "hours");
        JsonNode day = scene.adminGet("/api/v1/sites/" + scene.siteId + "/availability?date="
                + java.time.LocalDate.now(scene.zone) + "&minutes=30");
        JsonNode busiest = day.get(0);
        for (JsonNode each : day) {
            busiest = each.path("starts").size() > busiest.path("starts").size() ? each : busiest;
        }
        long room = busiest.path("roomId").asLong();
        int offered = busiest.path("starts").size();
        assertThat(offered).as("more than twice the 8 starts the kiosk once offered (the library's day is around noon)").isGreaterThan(16);
        int reached = 0;
        for (String hour : ids("hour-", "")) {
            tap(hour, "rooms");
            reached += driver.findElements(By.cssSelector("button[id^='room-" + room + "-at-']")).size();
            tap("back", "hours");
        }
        assertThat(reached).as("starts of room " + room + " reached through the hours").isEqualTo(offered);

        tap("hour-17", "rooms");
        audit(language, "times");
        String late = lastId("room-" + room + "-at-17");
        tap(late, "confirm");
        tap("confirm", "done");
        assertThat(text("done-time")).contains("17:");
        finish();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fi", "ar"})
    @Order(13)
    void the_start_screen_fills_a_portrait_and_a_landscape_screen_with_picture_cards_and_the_rooms_free_now(String language) {
        for (int[] size : List.of(new int[] {1080, 1920}, new int[] {1920, 1080})) {
            viewport(size[0], size[1], 1);
            open(language, "start-" + size[0] + "x" + size[1]);
            assertThat(text("rooms-now")).as("how many rooms are free now, from the server").isNotBlank();
            List<WebElement> cards = driver.findElements(By.cssSelector(".start-cards > button.picture-card"));
            assertThat(cards).hasSize(3);
            double cardsBottom = cards.stream().mapToDouble(c -> c.getRect().getY() + c.getRect().getHeight()).max().orElseThrow();
            double cardsTop = cards.stream().mapToDouble(c -> c.getRect().getY()).min().orElseThrow();
            assertThat((cardsBottom - cardsTop) / size[1]).as("the cards take most of the screen's height").isGreaterThan(0.45);
            for (WebElement card : cards) {
                assertThat(card.getRect().getHeight()).as(card.getAttribute("id") + " is a large card").isGreaterThan(200);
                assertThat(card.findElement(By.cssSelector(".icon")).getRect().getHeight()).as("its picture").isGreaterThan(80);
            }
            if (size[0] > size[1]) {
                assertThat(cards.stream().map(c -> c.getRect().getY()).distinct()).as("side by side in landscape").hasSize(1);
            } else {
                assertThat(cards.stream().map(c -> c.getRect().getX()).distinct()).as("one above the other in portrait").hasSize(1);
            }
        }
        finish();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fi", "ar"})
    @Order(14)
    void closed_today_says_when_the_rooms_open_and_books_the_next_free_time_in_one_tap(String language) {
        java.time.LocalDate today = java.time.LocalDate.now(scene.zone);
        scene.hoursOn(today, null, null);
        try {
            open(language, "closed");
            assertThat(driver.findElement(By.id("rooms-now")).getAttribute("data-state")).isEqualTo("closed");
            tap("book-now", "no-room");
            audit(language, "closed");
            assertThat(text("opening-hours")).contains("06:00");
            // one message, never "free now" beside "nothing free"
            assertThat(driver.findElement(By.id("screen")).getText()).doesNotContain(
                    TranslationsTest.bundle(Language.valueOf(language.toUpperCase(java.util.Locale.ROOT))).getProperty("rooms.heading.now"));
            tap("next-free", "confirm");
            audit(language, "closed");
            assertThat(text("confirm-time")).contains("06:00");
        } finally {
            scene.usualHoursOn(today);
        }
        finish();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fi", "ar"})
    @Order(15)
    void no_text_is_cut_off_at_two_hundred_percent(String language) {
        // a 1080 × 1920 screen at 200 % zoom: 540 × 960 CSS pixels
        viewport(540, 960, 2);
        open(language, "zoom");
        noTextCutOff(language, "zoom");
        tap("larger-text", "start");
        noTextCutOff(language, "zoom");
        tap("book", "when");
        noTextCutOff(language, "zoom");
        tap("when-later", "length");
        noTextCutOff(language, "zoom");
        tap("length-30", "hours");
        noTextCutOff(language, "zoom");
        tap(lastId("hour-"), "rooms");
        noTextCutOff(language, "zoom");
        tap(lastId("room-"), "confirm");
        noTextCutOff(language, "zoom");
        tap("device-laptop", "confirm");
        noTextCutOff(language, "zoom");
        tap("confirm", "done");
        noTextCutOff(language, "zoom");
        finish();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fi", "ar", "so"})
    @Order(16)
    void a_start_that_passed_on_the_confirm_screen_is_offered_again_from_now_in_the_visitors_words(String language) {
        long room = scene.addRoom("Room late " + language, true);
        open(language, "moved");
        chooseNowFor30(room);
        String shown = driver.findElement(By.id("confirm-time")).getText();
        // as long as a visitor may wait there for staff, after asking for help
        System.out.println("[kiosk] " + language + ": server clock moved to " + scene.advanceServerClock(Duration.ofMinutes(11)));

        waitFor(By.id("confirm")).click();

        assertThat(waitFor(By.id("confirm-notice")).getText().trim()).isEqualTo(words(language, "problem.moved"));
        audit(language, "moved");
        assertThat(driver.findElement(By.id("confirm-time")).getText()).as("the times shown").isNotEqualTo(shown);
        tap("confirm", "done");
        String code = shownCode();
        assertThat(scene.booking(code).path("status").asText()).isEqualTo("CHECKED_IN");
        finish();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fi", "ar"})
    @Order(17)
    void a_room_taken_meanwhile_brings_the_visitor_back_to_the_rooms_free_now_with_a_plain_notice(String language) {
        long taken = scene.addRoom("Room taken " + language, true);
        long other = scene.addRoom("Room other " + language, true);
        open(language, "taken");
        chooseNowFor30(taken);
        scene.bookNowElsewhere(taken, 30);

        tap("confirm", "rooms");

        assertThat(waitFor(By.id("choice-notice")).getText().trim()).isEqualTo(words(language, "problem.taken"));
        audit(language, "taken");
        assertThat(driver.findElements(By.id("room-" + taken + "-for-30"))).as("the room taken").isEmpty();
        tap("room-" + other + "-for-30", "confirm");
        tap("confirm", "done");
        finish();
    }

    // ---- helpers ----

    /** From the start screen: book, now, that room for 30 minutes; on the confirm screen. */
    private void chooseNowFor30(long room) {
        tap("book", "when");
        tap("when-now", "rooms");
        tap("room-" + room + "-for-30", "confirm");
    }

    /** The booking code as the done screen shows it. */
    private String shownCode() {
        return driver.findElement(By.cssSelector("#booking-code .fact-value")).getText().trim();
    }

    /** The id of the library's newest open help call. */
    private static long newestOpenCall() {
        long newest = 0;
        for (JsonNode call : scene.openHelpCalls()) {
            newest = Math.max(newest, call.path("id").asLong());
        }
        assertThat(newest).as("an open help call").isPositive();
        return newest;
    }

    /** A text of the kiosk's (or the desk's) bundle in {@code language}, as the screen must show it. */
    private static String words(String language, String key) {
        Properties bundle = new Properties();
        String name = "/vaadin-i18n/translations" + ("en".equals(language) ? "" : "_" + language) + ".properties";
        try (InputStream in = KioskBrowserTest.class.getResourceAsStream(name)) {
            bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bundle.getProperty(key);
    }

    /** The staff desk in Finnish, logged in as admin, at this test's library. */
    private static void logInAtTheDesk(WebDriver desk) {
        desk.get(base + "staff");
        waitFor(desk, By.cssSelector("#login-username input")).sendKeys("admin");
        WebElement password = waitFor(desk, By.cssSelector("#login-password input"));
        password.sendKeys(KioskServerProcess.ADMIN_PASSWORD);
        password.sendKeys(org.openqa.selenium.Keys.ENTER);
        waitFor(desk, By.id("today-heading"));
        waitFor(desk, By.id("lang-fi")).click();
        new WebDriverWait(desk, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> "true".equals(d.findElement(By.id("lang-fi")).getAttribute("aria-pressed")));
    }

    /**
     * A 2D barcode scanner that types like a keyboard: the text and Enter, as fast as WebDriver
     * types. The gaps between its keys, as the page saw them, are kept in {@code window.scanGaps}.
     */
    private void scan(String text) {
        js("window.scanGaps = []; window.scanLast = null;"
                + " if (!window.scanTimed) { window.scanTimed = true; document.addEventListener('keydown', e => {"
                + " if (window.scanLast !== null) { window.scanGaps.push(e.timeStamp - window.scanLast); } window.scanLast = e.timeStamp; }); }");
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(text + org.openqa.selenium.Keys.ENTER).perform();
    }

    /** The browser's viewport in CSS pixels and its pixel ratio (2 = 200 % zoom), as a kiosk screen has it. */
    private void viewport(int width, int height, double scale) {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", scale, "mobile", false));
    }

    /**
     * An audit, and no text wider than its box (cut off or spilling over) and no sideways scrolling:
     * what WCAG's resize-text criterion asks at 200 %.
     */
    private void noTextCutOff(String language, String flow) {
        audit(language, flow);
        @SuppressWarnings("unchecked")
        List<String> cut = (List<String>) js(
                "return Array.from(document.querySelectorAll('.kiosk *')).filter(e => e.offsetParent !== null"
                        + " && !(e instanceof SVGElement) && e.tagName !== 'VAADIN-ICON' && e.clientWidth > 0"
                        + " && e.scrollWidth > e.clientWidth + 1)"
                        + ".map(e => (e.id || e.tagName) + ' \"' + (e.innerText || '').trim().slice(0, 40) + '\" ' + e.scrollWidth + '>' + e.clientWidth);");
        String where = language + " " + flow + "/" + driver.findElement(By.id("screen")).getAttribute("data-screen");
        assertThat(cut).as("text wider than its box at 200 % on " + where).isEmpty();
        assertThat(((Number) js("return document.documentElement.scrollWidth - window.innerWidth")).intValue())
                .as("sideways scrolling at 200 % on " + where).isLessThanOrEqualTo(0);
    }

    private void open(String language, String flow) {
        driver.get(base);
        waitForScreen("start", 30);
        chooseLanguage(language);
        audit(language, flow);
    }

    private void chooseLanguage(String language) {
        if (!"fi".equals(language) || !"fi".equals(js("return document.documentElement.lang"))) {
            driver.findElement(By.id("lang-" + language)).click();
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> language.equals(js("return document.documentElement.lang")));
        }
        if ("ar".equals(language)) {
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> "rtl".equals(js("return document.dir")));
        }
    }

    private void tap(String id, String expectedScreen) {
        WebElement button = waitFor(By.id(id));
        taps++;
        button.click();
        waitForScreen(expectedScreen, 15);
        // let Flow apply the round trip before the next look
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(
                js("return !window.Vaadin || !window.Vaadin.Flow || !window.Vaadin.Flow.clients || Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive())")));
    }

    private WebElement waitFor(By by) {
        return waitFor(driver, by);
    }

    /** Clicks the element once it is shown; the desk draws its list again on every push, so a stale one is looked up again. */
    private static void click(WebDriver on, By by) {
        new WebDriverWait(on, Duration.ofSeconds(15)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    waitFor(d, by).click();
                    return true;
                });
    }

    /** Waits until the element is shown; Flow may draw it again meanwhile, so a stale look is looked again. */
    private static WebElement waitFor(WebDriver on, By by) {
        return new WebDriverWait(on, Duration.ofSeconds(15)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    List<WebElement> found = d.findElements(by);
                    return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
                });
    }

    private void waitForScreen(String screen, int seconds) {
        new WebDriverWait(driver, Duration.ofSeconds(seconds)).until(d -> {
            List<WebElement> main = d.findElements(By.id("screen"));
            return !main.isEmpty() && screen.equals(main.get(0).getAttribute("data-screen"));
        });
    }

    private String firstId(String prefix, String suffix) {
        return ids(prefix, suffix).get(0);
    }

    private String lastId(String prefix) {
        List<String> ids = ids(prefix, "");
        return ids.get(ids.size() - 1);
    }

    private List<String> ids(String prefix, String suffix) {
        List<String> ids = driver.findElements(By.cssSelector("button[id^='" + prefix + "']")).stream()
                .map(e -> e.getAttribute("id")).filter(id -> id.endsWith(suffix)).toList();
        assertThat(ids).as("buttons " + prefix + "…" + suffix).isNotEmpty();
        return ids;
    }

    private String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** axe-core on the current screen, the size of every clickable element, and a screenshot. */
    private void audit(String language, String flow) {
        AUDITED.incrementAndGet();
        String screen = driver.findElement(By.id("screen")).getAttribute("data-screen");
        String where = language + " " + flow + "/" + screen;
        screenshot(language, flow + "-" + screen);
        axe(driver, where, "'wcag2a', 'wcag2aa', 'wcag2aaa', 'wcag21a', 'wcag21aa', 'best-practice'");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> targets = (List<Map<String, Object>>) js(
                "return Array.from(document.querySelectorAll('button, a[href], input, select, textarea, [role=button], [tabindex]:not([tabindex=\"-1\"])'))"
                        + ".filter(e => e.offsetParent !== null)"
                        + ".map(e => { const r = e.getBoundingClientRect(); return {id: e.id || e.tagName, text: (e.innerText || '').trim().slice(0, 30), w: r.width, h: r.height}; });");
        for (Map<String, Object> target : targets) {
            double w = ((Number) target.get("w")).doubleValue();
            double h = ((Number) target.get("h")).doubleValue();
            if (Math.min(w, h) < smallest) {
                smallest = Math.min(w, h);
                smallestWhat = where + " #" + target.get("id") + " " + Math.round(w) + "×" + Math.round(h);
            }
            if (w < MIN_TARGET || h < MIN_TARGET) {
                smallTargets.add(where + " #" + target.get("id") + " '" + target.get("text") + "' " + Math.round(w) + "×" + Math.round(h));
            }
        }
    }

    /** axe-core (WCAG 2.1 A and AA, as for every staff page) on the desk as it is now. */
    private void auditDesk(WebDriver desk, String where) {
        new WebDriverWait(desk, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return !window.Vaadin || !window.Vaadin.Flow || !window.Vaadin.Flow.clients"
                        + " || Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive())")));
        axe(desk, "fi " + where, "'wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'");
    }

    /** Runs axe-core with the given rule tags on what {@code on} shows, adding what it finds to the violations. */
    private void axe(WebDriver on, String where, String tags) {
        List<String> found = Chromium.axe(on, tags);
        if (!found.isEmpty()) {
            violations.computeIfAbsent(where, k -> new ArrayList<>()).addAll(found);
        }
    }

    private void screenshot(String language, String name) {
        screenshot(driver, language, name);
    }

    private void screenshot(WebDriver on, String language, String name) {
        try {
            File file = ((TakesScreenshot) on).getScreenshotAs(OutputType.FILE);
            Files.copy(file.toPath(), screenshots.resolve(String.format("%s-%02d-%s.png", language, ++shot, name)),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new AssertionError("could not save a screenshot", e);
        }
    }

    /** Fails the test with every axe violation and every too-small target found on its way. */
    private void finish() {
        System.out.println("[kiosk] smallest clickable element: " + smallestWhat);
        StringBuilder report = new StringBuilder();
        violations.forEach((where, list) -> {
            report.append("\n").append(where).append(":");
            list.forEach(v -> report.append("\n  ").append(v));
        });
        assertThat(violations).as("axe-core violations (WCAG A/AA/AAA, best practice):" + report).isEmpty();
        assertThat(smallTargets).as("clickable elements smaller than " + MIN_TARGET + "×" + MIN_TARGET + " CSS px").isEmpty();
    }

}
