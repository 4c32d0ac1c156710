package fi.suoja.ui.staff;

import fi.suoja.ui.Chromium;
import fi.suoja.ui.LocalUi;
import fi.suoja.ui.TestScene;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desk as a librarian reads it, in a real headless Chromium, on the Finnish desk, at a desk
 * PC's 1280×800 and a full-HD 1920×1080: Today with more than twenty bookings in one room (as a
 * list and as a timeline), the statistics' pictures, and the administration; each page passes
 * axe-core at WCAG AAA (color-contrast-enhanced included), nothing is cut off or wider than the
 * window, every target is at least 24 px, and no raw ISO instant or English word shows. The device
 * board at 1280×800 cuts no label or choice.
 * Screenshots go to {@code target/desk-screens}.
 */
@Tag("browser")
class DeskLookBrowserTest {

    static final Path SCREENS = Path.of("target", "desk-screens");
    /** English desk words that must not show on the Finnish desk. */
    static final List<String> ENGLISH = List.of("Today", "Free all day", "Closed today", "Show as", "coming", "checked in",
            "cancelled", "did not come", "Occupancy", "Bookings", "Loans", "Wipes", "Administration", "Rooms");

    static TestScene scene;
    static LocalUi ui;
    static List<String> codes = new ArrayList<>();

    WebDriver driver;
    final List<String> problems = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        Chromium.requireInstalled();
        scene = TestScene.create();
        // a long day today, and Room 1 booked every half hour from now until closing
        LocalDate today = LocalDate.now(scene.zone);
        scene.hoursOn(today, "06:00", "23:45");
        ZonedDateTime slot = ZonedDateTime.now(scene.zone).plusMinutes(20).truncatedTo(ChronoUnit.HOURS);
        ZonedDateTime closing = today.atTime(23, 45).atZone(scene.zone);
        while (!slot.plusMinutes(15).isAfter(closing)) {
            if (slot.isAfter(ZonedDateTime.now(scene.zone).plusMinutes(1))) {
                codes.add(scene.bookAt(scene.equippedRoom, slot.toInstant(), 15).path("code").asText());
            }
            slot = slot.plusMinutes(30);
        }
        scene.cancelElsewhere(codes.get(1));
        scene.cancelElsewhere(codes.get(3));
        scene.bookAt(scene.bareRoom, ZonedDateTime.now(scene.zone).plusHours(2).truncatedTo(ChronoUnit.HOURS).toInstant(), 60);
        ui = LocalUi.start(scene);
        Files.createDirectories(SCREENS);
    }

    @AfterAll
    static void stop() {
        if (ui != null) {
            ui.stop("desk look tests done");
        }
        if (scene != null) {
            scene.usualHoursOn(LocalDate.now(scene.zone));
        }
    }

    @BeforeEach
    void browser() throws IOException {
        driver = Chromium.start("--window-size=1280,800", "--lang=fi");
    }

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void today_with_twenty_bookings_in_a_room_reads_at_a_glance_in_finnish() throws IOException {
        assertThat(codes).as("bookings in Room 1").hasSizeGreaterThanOrEqualTo(20);
        logInInFinnish();
        for (Dimension size : List.of(new Dimension(1280, 800), new Dimension(1920, 1080))) {
            String at = size.getWidth() + "x" + size.getHeight();
            driver.manage().window().setSize(size);
            driver.get(ui.base + "staff");
            waitFor(By.id("list-booking-" + codes.get(0).replace("-", "")));
            look("today-list-" + at);
            waitFor(By.id("today-view-toggle")).click();
            waitFor(By.cssSelector(".today.as-timeline"));
            waitFor(By.id("booking-" + codes.get(0).replace("-", "")));
            look("today-timeline-" + at);
            noneCut(at + ": bookings", "return Array.from(document.querySelectorAll('.booking-block.on-track'))"
                    + ".filter(b => b.scrollWidth > b.clientWidth + 1 || b.scrollHeight > b.clientHeight + 1)"
                    + ".map(b => b.id + ' ' + b.clientWidth + 'x' + b.clientHeight + ' needs ' + b.scrollWidth + 'x' + b.scrollHeight).join('; ')");
            waitFor(By.id("folded-" + scene.equippedRoom)).click();
            waitFor(By.id("away-" + codes.get(1).replace("-", "")));
            look("today-folded-open-" + at);
        }
        assertThat(problems).as("what a librarian would not read").isEmpty();
    }

    @Test
    void the_statistics_pictures_are_drawn_and_readable_in_finnish() throws IOException {
        logInInFinnish();
        for (Dimension size : List.of(new Dimension(1280, 800), new Dimension(1920, 1080))) {
            String at = size.getWidth() + "x" + size.getHeight();
            driver.manage().window().setSize(size);
            driver.get(ui.base + "staff/statistics");
            waitFor(By.id("chart-occupancy"));
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(js(
                    "return Array.from(document.querySelectorAll('img.stats-chart')).every(i => i.complete && i.naturalWidth > 0)")));
            look("statistics-" + at);
            js("document.getElementById('chart-occupancy').scrollIntoView()");
            screenshot("statistics-occupancy-" + at);
            js("document.getElementById('stats-days-figure').scrollIntoView()");
            screenshot("statistics-per-day-" + at);
        }
        assertThat(problems).as("what a librarian would not read").isEmpty();
    }

    @Test
    void the_login_and_administration_pass_aaa_with_separate_links_and_large_targets() throws IOException {
        driver.get(ui.base + "staff");
        waitFor(By.cssSelector("#login-username input"));
        look("login");
        logInInFinnish();
        waitFor(By.id("nav-admin")).click();
        waitFor(By.id("admin-rooms"));
        look("admin-rooms");
        Object together = js("const links = Array.from(document.querySelectorAll('.admin-pages a')).map(a => a.getBoundingClientRect());"
                + "return links.some((r, i) => i > 0 && r.top === links[i - 1].top && r.left - links[i - 1].right < 6);");
        assertThat(together).as("the administration links stand apart").isEqualTo(false);
        assertThat(String.valueOf(js("return document.querySelector('.admin-pages').innerText"))).contains("\n");
        assertThat(problems).as("what a librarian would not read").isEmpty();
    }

    /**
     * The device board at a desk PC's 1280×800 with devices in several states (ready, on loan,
     * faulty with staff's reason, new, and a laptop whose hand-out was just refused): no label or
     * choice is cut (none needs more room than it has, in the filters, the scan area, the cards or
     * an open choice list), and the page passes axe-core.
     */
    @Test
    void the_device_board_at_1280_by_800_cuts_no_label_or_choice_in_finnish() throws IOException {
        // a room of its own (the other board test books Room 2 for now), with today's long day as the others
        long room = scene.addRoom("Room 9", false);
        scene.hoursOn(LocalDate.now(scene.zone), "06:00", "23:45");
        String now = scene.bookNowElsewhere(room, 30).path("code").asText();
        scene.readyAccessory("WEBCAM");
        scene.handOutElsewhere(scene.readyAccessory("HEADSET"), now);
        scene.faultyElsewhere(scene.readyAccessory("WEBCAM"), "Kuulokkeiden johto on poikki ja liitin heiluu");
        String laptop = scene.registerDevice("LAPTOP");
        long call = scene.callForHelp().path("id").asLong();
        try {
            deviceBoard(laptop, call);
        } finally {
            scene.resolveHelp(call);
        }
    }

    private void deviceBoard(String laptop, long call) throws IOException {
        logInInFinnish();
        driver.manage().window().setSize(new Dimension(1280, 800));
        driver.get(ui.base + "staff/devices");
        waitFor(By.id("device-" + laptop));
        waitFor(By.id("help-call-" + call));
        waitFor(By.id("mode-hand-out")).click();
        waitFor(By.cssSelector("#scan input")).sendKeys(laptop, Keys.ENTER);
        waitFor(By.id("devices-notice"));
        look("devices-1280x800");
        cut("devices-1280x800");
        js("window.scrollTo(0, document.getElementById('board').getBoundingClientRect().top + window.scrollY - 200)");
        screenshot("devices-1280x800-board");
        for (String select : List.of("lend-for", "walk-in-hours", "filter-show", "filter-kind")) {
            List<WebElement> found = driver.findElements(By.id(select));
            if (found.isEmpty() || !found.get(0).isDisplayed()) {
                continue;
            }
            found.get(0).click();
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(
                    js("return document.getElementById(arguments[0]).opened", select)));
            settle();
            cut("devices-1280x800 " + select + " open");
            screenshot("devices-1280x800-" + select);
            new org.openqa.selenium.interactions.Actions(driver).sendKeys(Keys.ESCAPE).perform();
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Boolean.FALSE.equals(
                    js("return document.getElementById(arguments[0]).opened", select)));
        }
        // the new laptop and the ready webcam may both be wiped: "wipe all shown" and its question
        waitFor(By.id("wipe-shown")).click();
        waitFor(By.id("no-wipe-shown"));
        js("document.getElementById('confirm-wipe-shown').scrollIntoView({block: 'center'})");
        look("devices-1280x800-wipe-shown");
        cut("devices-1280x800 wipe-shown");
        waitFor(By.id("no-wipe-shown")).click();
        waitFor(By.id("wipe-shown"));
        assertThat(problems).as("what a librarian would not read").isEmpty();
    }

    @Test
    void the_device_board_with_a_devices_history_open_reads_in_finnish_with_nothing_cut_off() throws IOException {
        String webcam = scene.readyAccessory("WEBCAM");
        for (int i = 0; i < 5; i++) {
            scene.readyAccessory(i % 2 == 0 ? "HEADSET" : "WEBCAM");
        }
        String code = scene.bookNowElsewhere(scene.bareRoom, 15).path("code").asText();
        for (int loan = 0; loan < 2; loan++) {
            scene.handOutElsewhere(webcam, code);
            scene.returnElsewhere(webcam);
        }
        scene.faultyElsewhere(webcam, "Linssin suojakansi irronnut, kuva sumea");
        scene.repairedElsewhere(webcam, "uusi suojakansi");
        logInInFinnish();
        for (Dimension size : List.of(new Dimension(1280, 800), new Dimension(1920, 1080))) {
            String at = size.getWidth() + "x" + size.getHeight();
            driver.manage().window().setSize(size);
            driver.get(ui.base + "staff/devices");
            waitFor(By.id("history-" + webcam)).click();
            WebElement history = waitFor(By.id("history-of-" + webcam));
            js("arguments[0].scrollIntoView()", driver.findElement(By.id("device-" + webcam)));
            look("devices-history-" + at);
            noneCut(at + ": history", "return Array.from(document.querySelectorAll('.device-history, .history-entry, .history-entry > *'))"
                    + ".filter(e => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > window.innerWidth)"
                    + ".map(e => (e.id || e.className) + ' ' + e.clientWidth + ' needs ' + e.scrollWidth).join('; ')");
            assertThat(history.findElements(By.cssSelector(".history-entry"))).as("two checks, two loans and their checks, a fault, a repair and its check")
                    .hasSize(8);
        }
        assertThat(problems).as("what a librarian would not read").isEmpty();
    }

    /** Labels and choices (field labels, chosen values, list items, buttons and their words) that need more room than they have. */
    private void cut(String where) {
        noneCut(where + ":", "const seen = [];"
                + "const all = root => { const found = Array.from(root.querySelectorAll('*'));"
                + "  found.filter(e => e.shadowRoot).forEach(e => found.push(...all(e.shadowRoot))); return found; };"
                + "return all(document).filter(e => e.matches('label, [part~=label], [slot=label], vaadin-select-value-button,"
                + " vaadin-select-item, [part~=input-field], button, .desk-button span, .device-card h3, .device-state,"
                + " .device-facts p, legend'))"
                + ".filter(e => e.getClientRects().length > 0 && e.clientWidth > 0)"
                + ".filter(e => e.scrollWidth > e.clientWidth + 1)"
                + ".map(e => (e.id || e.tagName.toLowerCase() + (e.getAttribute('part') ? '[' + e.getAttribute('part') + ']' : ''))"
                + " + ' «' + (e.textContent || '').trim().slice(0, 40) + '» ' + e.clientWidth + ' < ' + e.scrollWidth).join('; ')");
    }

    /** Runs a script that lists what is cut off (empty when nothing is), and notes what it lists. */
    private void noneCut(String what, String script) {
        Object cut = js(script);
        if (!String.valueOf(cut).isEmpty()) {
            problems.add(what + " cut off: " + cut);
        }
    }

    private void logInInFinnish() {
        Chromium.logInAsAdmin(driver, ui.base);
        waitFor(By.id("today-heading"));
        if (!"true".equals(driver.findElement(By.id("lang-fi")).getAttribute("aria-pressed"))) {
            waitFor(By.id("lang-fi")).click();
            new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> "true".equals(d.findElement(By.id("lang-fi")).getAttribute("aria-pressed")));
        }
        settle();
    }

    /** Audits the page at AAA, checks its width, its targets and its words, and keeps a screenshot. */
    private void look(String where) throws IOException {
        settle();
        screenshot(where);
        Chromium.axe(driver, "'wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag2aaa'").forEach(v -> problems.add(where + ": " + v));
        if (Boolean.TRUE.equals(js("return document.documentElement.scrollWidth > document.documentElement.clientWidth + 1"))) {
            problems.add(where + ": wider than the window: " + js("return document.documentElement.scrollWidth"));
        }
        Object small = js("return Array.from(document.querySelectorAll('button, a, summary, vaadin-password-field-button, [role=button]'))"
                + ".filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.width < 24 || r.height < 24); })"
                + ".map(e => (e.id || e.tagName + ' ' + e.textContent.trim()) + ' ' + Math.round(e.getBoundingClientRect().width) + 'x'"
                + " + Math.round(e.getBoundingClientRect().height)).join('; ')");
        if (!String.valueOf(small).isEmpty()) {
            problems.add(where + ": targets under 24 px: " + small);
        }
        String text = String.valueOf(js("return document.body.innerText"));
        if (text.matches("(?s).*\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d.*")) {
            problems.add(where + ": a raw ISO instant on the page");
        }
        if (!where.equals("login")) {
            for (String english : ENGLISH) {
                if (text.contains(english)) {
                    problems.add(where + ": English on the Finnish desk: " + english);
                }
            }
        }
    }

    private void screenshot(String where) throws IOException {
        Files.write(SCREENS.resolve(where + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    private WebElement waitFor(By by) {
        return Chromium.waitFor(driver, by);
    }

    private void settle() {
        Chromium.settle(driver);
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}
