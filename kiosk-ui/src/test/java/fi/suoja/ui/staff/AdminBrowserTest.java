package fi.suoja.ui.staff;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.mvysny.vaadinboot.VaadinBoot;
import fi.suoja.ui.KioskServerProcess;
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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administration pages in a real headless Chromium at a tablet's 768 px width: each page (and
 * a shown agent settings file and kiosk token) has no axe-core violation of WCAG 2.1 A/AA, needs no
 * sideways scrolling, and its buttons and links are at least 44 px tall. Screenshots go to
 * {@code target/admin-screens} for a person to look at.
 */
@Tag("browser")
class AdminBrowserTest {

    static TestScene scene;
    static VaadinBoot ui;
    static String base;
    static String axeSource;

    WebDriver driver;
    final List<String> problems = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        assertThat(new File(StaffBrowserTest.CHROMIUM).canExecute()).as("Chromium is needed").isTrue();
        try (InputStream in = AdminBrowserTest.class.getResourceAsStream(StaffBrowserTest.AXE)) {
            assertThat(in).as("axe-core").isNotNull();
            axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        scene = TestScene.create();
        int uiPort = KioskServerProcess.freePort();
        System.setProperty("suoja.server.url", scene.server.toString());
        System.setProperty("suoja.kiosk.token", scene.kioskToken);
        System.setProperty("suoja.staff.site.id", Long.toString(scene.siteId));
        ui = new VaadinBoot().withPort(uiPort).localhostOnly().openBrowserInDevMode(false);
        ui.start();
        base = "http://localhost:" + uiPort + "/";
    }

    @AfterAll
    static void stop() {
        System.clearProperty("suoja.staff.site.id");
        if (ui != null) {
            ui.stop("admin browser tests done");
        }
    }

    @BeforeEach
    void browser() throws IOException {
        System.setProperty("webdriver.chrome.driver", StaffBrowserTest.CHROMEDRIVER);
        Path profile = Files.createTempDirectory("suoja-chromium-admin");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(StaffBrowserTest.CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--disable-dev-shm-usage", "--window-size=768,1024", "--lang=fi", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(StaffBrowserTest.CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void every_administration_page_is_accessible_and_fits_a_tablet() throws IOException {
        logIn();
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
        type(waitFor(By.cssSelector("#device-tag input")), "lap-" + UUID.randomUUID().toString().substring(0, 8));
        waitFor(By.id("device-register")).click();
        waitFor(By.id("agent-config-download"));
        look("device registered");

        waitFor(By.id("admin-kiosks")).click();
        type(waitFor(By.cssSelector("#kiosk-name input")), "Kiosk " + UUID.randomUUID().toString().substring(0, 8));
        waitFor(By.id("kiosk-create")).click();
        waitFor(By.id("kiosk-token-value"));
        look("kiosk token");

        waitFor(By.id("admin-accounts")).click();
        waitFor(By.id("account-create"));
        look("accounts");

        assertThat(problems).as("accessibility and tablet problems").isEmpty();
    }

    private void logIn() {
        driver.get(base + "staff");
        type(waitFor(By.cssSelector("#login-username input")), "admin");
        WebElement password = waitFor(By.cssSelector("#login-password input"));
        type(password, KioskServerProcess.ADMIN_PASSWORD);
        password.sendKeys(Keys.ENTER);
        waitFor(By.id("today-heading"));
    }

    /** Audits the page as it is now, checks its width and target sizes, and keeps a screenshot. */
    private void look(String where) throws IOException {
        settle();
        Path screens = Path.of("target", "admin-screens");
        Files.createDirectories(screens);
        Files.write(screens.resolve(where.replace(' ', '-') + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        Object wide = js("return document.documentElement.scrollWidth - window.innerWidth");
        if (((Number) wide).intValue() > 0) {
            problems.add(where + ": the page is " + wide + " px wider than a 768 px tablet");
        }
        Object small = js("return Array.from(document.querySelectorAll('.admin button, .admin a'))"
                + ".filter(e => e.offsetParent !== null && e.getBoundingClientRect().height < 44)"
                + ".map(e => (e.id || e.textContent.trim()) + ' ' + Math.round(e.getBoundingClientRect().height) + 'px').join('; ')");
        if (!String.valueOf(small).isEmpty()) {
            problems.add(where + ": targets under 44 px: " + small);
        }
        if (!Boolean.TRUE.equals(js("return typeof window.axe !== 'undefined'"))) {
            js(axeSource);
        }
        Object result = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run({exclude: [['vaadin-connection-indicator']]}, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},"
                        + " resultTypes: ['violations']})"
                        + ".then(r => done(JSON.stringify(r.violations))).catch(e => done('axe failed: ' + e));");
        try {
            for (JsonNode violation : StaffBrowserTest.JSON.readTree(String.valueOf(result))) {
                for (JsonNode node : violation.path("nodes")) {
                    problems.add(where + ": " + violation.path("id").asText() + " at " + node.path("target") + ": "
                            + node.path("failureSummary").asText().replace('\n', ' '));
                }
            }
        } catch (IOException e) {
            throw new AssertionError("axe did not run on " + where + ": " + result, e);
        }
    }

    private void settle() {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(js(
                "return !window.Vaadin || !window.Vaadin.Flow || !window.Vaadin.Flow.clients || Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive())")));
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private void type(WebElement input, String text) {
        input.click();
        input.sendKeys(text);
    }

    private WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
            List<WebElement> found = d.findElements(by);
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }
}
