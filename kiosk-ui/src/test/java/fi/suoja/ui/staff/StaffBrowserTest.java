package fi.suoja.ui.staff;

import fi.suoja.ui.Chromium;
import fi.suoja.ui.FakeLaptop;
import fi.suoja.ui.KioskServerProcess;
import fi.suoja.ui.LocalUi;
import fi.suoja.ui.TestScene;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff desk in a real headless Chromium against a real kiosk-server: login, hand-out and
 * return by a typed "scan" ending in Enter, the board changing live when the server reports a
 * change made elsewhere, a help call arriving, and an axe-core audit (WCAG 2.1 A and AA) of each
 * page on the way.
 */
@Tag("browser")
class StaffBrowserTest {

    static TestScene scene;
    static LocalUi ui;

    WebDriver driver;
    final List<String> violations = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        Chromium.requireInstalled();
        scene = TestScene.create(1); // each test books a room of its own: they share the scene
        ui = LocalUi.start(scene);
    }

    @AfterAll
    static void stop() {
        if (ui != null) {
            ui.stop("staff browser tests done");
        }
    }

    @BeforeEach
    void browser() throws IOException {
        driver = Chromium.start("--lang=en");
    }

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void hand_out_and_return_by_typed_scan_the_board_follows_live_and_a_help_call_arrives() {
        String code = scene.bookNowElsewhere(scene.bareRoom, 30).path("code").asText();
        String webcam = scene.readyAccessory("WEBCAM");

        driver.get(ui.base + "staff");
        type(waitFor(By.cssSelector("#login-username input")), "admin");
        WebElement password = waitFor(By.cssSelector("#login-password input"));
        audit("login");
        type(password, KioskServerProcess.ADMIN_PASSWORD);
        password.sendKeys(Keys.ENTER);
        // the scene's rooms are open 06–22, a long day: Today shows it as a list
        waitFor(By.id("list-booking-" + code.replace("-", "")));
        audit("today");

        waitFor(By.id("nav-devices")).click();
        waitFor(By.id("device-" + webcam));
        audit("devices");
        waitFor(By.id("mode-hand-out")).click();
        settle();
        WebElement scan = waitFor(By.cssSelector("#scan input"));
        scan.sendKeys(webcam + Keys.ENTER);
        waitForState(webcam, "ON_LOAN");
        assertThat(scene.device(webcam).path("state").asText()).isEqualTo("ON_LOAN");
        audit("devices after hand-out");

        waitFor(By.id("mode-return")).click();
        settle();
        waitFor(By.cssSelector("#scan input")).sendKeys(webcam + Keys.ENTER);
        waitForState(webcam, "READY");

        // changed at another desk: this board must follow without a reload
        scene.handOutElsewhere(webcam, code);
        waitForState(webcam, "ON_LOAN");

        scene.callForHelp();
        waitFor(By.id("help-alert"));
        audit("devices with a help call");

        assertThat(violations).as("axe-core violations (WCAG 2.1 A/AA)").isEmpty();
    }

    private void type(WebElement input, String text) {
        input.click();
        input.sendKeys(text);
    }

    private void waitForState(String tag, String state) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
            List<WebElement> card = d.findElements(By.id("device-" + tag));
            return !card.isEmpty() && state.equals(card.get(0).getAttribute("data-state"));
        });
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private WebElement waitFor(By by) {
        return Chromium.waitFor(driver, by);
    }

    private void settle() {
        Chromium.settle(driver);
    }

    private void audit(String where) {
        settle();
        Chromium.axe(driver, "'wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'").forEach(v -> violations.add(where + ": " + v));
    }

    @Test
    void a_laptop_taken_back_is_seen_wiping_to_ready_on_the_board_without_a_reload() {
        String code = scene.bookNowElsewhere(scene.equippedRoom, 30).path("code").asText();
        String laptop = scene.registerDevice("LAPTOP");
        logIn();
        waitFor(By.id("nav-devices")).click();
        waitForState(laptop, "PROVISIONED");

        try (FakeLaptop agent = FakeLaptop.connect(KioskServerProcess.get().brokerUrl(), scene.agentConfig(laptop))) {
            waitForState(laptop, "READY");
            scene.handOutElsewhere(laptop, code);
            waitForState(laptop, "ON_LOAN");
            waitFor(By.id("mode-return")).click();
            settle();
            waitFor(By.cssSelector("#scan input")).sendKeys(laptop + Keys.ENTER);
            waitForState(laptop, "READY");
        }
    }

    /** Every staff page by its address and an element that shows it is drawn. */
    private static final List<String[]> PAGES = List.of(
            new String[]{"staff", "today-heading"},
            new String[]{"staff/devices", "devices-heading"},
            new String[]{"staff/statistics", "stats-heading"},
            new String[]{"staff/admin/rooms", "admin-heading"},
            new String[]{"staff/admin/rules", "admin-heading"},
            new String[]{"staff/admin/devices", "admin-heading"},
            new String[]{"staff/admin/kiosks", "admin-heading"},
            new String[]{"staff/admin/accounts", "admin-heading"});

    /**
     * Each staff page at a desk PC's size, an upright tablet's, and a 1280 px desk zoomed to 200 %
     * (640 CSS px): no axe violations and nothing to scroll sideways.
     */
    @Test
    void every_staff_page_passes_axe_on_a_desk_pc_an_upright_tablet_and_at_200_percent_and_never_scrolls_sideways() {
        String code = scene.bookNowElsewhere(scene.room("Room 3"), 30).path("code").asText();
        String webcam = scene.readyAccessory("WEBCAM");
        scene.handOutElsewhere(webcam, code);
        scene.callForHelp();
        logIn();
        List<String> overflows = new java.util.ArrayList<>();
        for (int[] size : new int[][]{{1280, 1024}, {768, 1024}, {640, 900}}) {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(size[0], size[1]));
            String at = size[0] + "x" + size[1] + " ";
            driver.get(ui.base + "staff");
            waitFor(By.id("today-heading"));
            assertThat(((Number) js("return window.innerWidth")).intValue()).as("the window took the size").isEqualTo(size[0]);
            for (String[] page : PAGES) {
                driver.get(ui.base + page[0]);
                waitFor(By.id(page[1]));
                audit(at + page[0]);
                overflow(at + page[0], overflows);
            }
            driver.get(ui.base + "staff");
            waitFor(By.id("list-booking-" + code.replace("-", ""))).click();
            waitFor(By.id("detail-devices"));
            audit(at + "booking detail");
            overflow(at + "booking detail", overflows);
            waitFor(By.id("list-unlock-" + scene.equippedRoom)).click();
            waitFor(By.id("confirm-question"));
            audit(at + "door confirmation");
            driver.get(ui.base + "staff/devices");
            waitFor(By.id("reports-" + webcam)).click();
            waitFor(By.id("reports-of-" + webcam));
            audit(at + "wipe reports");
            overflow(at + "wipe reports", overflows);
        }
        assertThat(violations).as("axe-core violations (WCAG 2.1 A/AA)").isEmpty();
        assertThat(overflows).as("pages wider than the window").isEmpty();
    }

    /**
     * The administration pages at an upright tablet's 768 px, in Finnish, with what is shown once
     * (an agent's settings file, a kiosk token) on screen: axe-clean, nothing sideways, and every
     * button and link at least 44 px tall. Screenshots go to {@code target/admin-screens}.
     */
    @Test
    void the_administration_pages_with_what_they_show_once_are_accessible_on_a_tablet() throws IOException {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(768, 1024));
        logIn();
        waitFor(By.id("lang-fi")).click();
        // the page is drawn again in Finnish: wait for it, or the old links go stale under the click
        new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> "true".equals(
                d.findElement(By.id("lang-fi")).getAttribute("aria-pressed")));
        settle();
        waitFor(By.id("nav-admin")).click();
        waitFor(By.id("room-" + scene.equippedRoom));
        look("rooms");
        waitFor(By.id("room-edit-" + scene.equippedRoom)).click();
        waitFor(By.id("hours-save"));
        look("room editor");

        waitFor(By.id("admin-rules")).click();
        waitFor(By.id("rules-save"));
        look("rules");

        waitFor(By.id("admin-devices")).click();
        type(waitFor(By.cssSelector("#device-tag input")), "lap-" + java.util.UUID.randomUUID().toString().substring(0, 8));
        waitFor(By.id("device-register")).click();
        waitFor(By.id("agent-config-download"));
        look("device registered");

        waitFor(By.id("admin-kiosks")).click();
        type(waitFor(By.cssSelector("#kiosk-name input")), "Kiosk " + java.util.UUID.randomUUID().toString().substring(0, 8));
        waitFor(By.id("kiosk-create")).click();
        waitFor(By.id("kiosk-token-value"));
        look("kiosk token");

        waitFor(By.id("admin-accounts")).click();
        waitFor(By.id("account-create"));
        look("accounts");

        assertThat(violations).as("accessibility and tablet problems").isEmpty();
    }

    /** Audits the page as it is now, checks its width and target sizes, and keeps a screenshot. */
    private void look(String where) throws IOException {
        audit(where);
        overflow(where, violations);
        Path screens = Path.of("target", "admin-screens");
        Files.createDirectories(screens);
        Files.write(screens.resolve(where.replace(' ', '-') + ".png"),
                ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        Object small = js("return Array.from(document.querySelectorAll('.admin button, .admin a'))"
                + ".filter(e => e.offsetParent !== null && e.getBoundingClientRect().height < 44)"
                + ".map(e => (e.id || e.textContent.trim()) + ' ' + Math.round(e.getBoundingClientRect().height) + 'px').join('; ')");
        if (!String.valueOf(small).isEmpty()) {
            violations.add(where + ": targets under 44 px: " + small);
        }
    }

    private void overflow(String where, List<String> overflows) {
        settle();
        Object widths = js("return document.documentElement.scrollWidth + ' > ' + document.documentElement.clientWidth");
        Object wider = js("return document.documentElement.scrollWidth > document.documentElement.clientWidth + 1");
        if (Boolean.TRUE.equals(wider)) {
            overflows.add(where + ": " + widths);
        }
    }

    private void logIn() {
        driver.get(ui.base + "staff");
        type(waitFor(By.cssSelector("#login-username input")), "admin");
        WebElement password = waitFor(By.cssSelector("#login-password input"));
        type(password, KioskServerProcess.ADMIN_PASSWORD);
        password.sendKeys(Keys.ENTER);
        waitFor(By.id("today-heading"));
    }
}
