package fi.suoja.ui.web;

import fi.suoja.hardware.TempDirs;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kiosk and the staff desk in a real Chromium under the UI server's content security policy:
 * both work (a booking flow's first screens, a staff login with server push, the audit page) and
 * the browser reports no violation of the policy in its console.
 */
@Tag("browser")
class CspBrowserTest {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    static TestScene scene;
    static LocalUi ui;
    static Path screenshots;

    WebDriver driver;
    final List<String> console = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        assertThat(new File(CHROMIUM).canExecute()).as("Chromium is needed at " + CHROMIUM).isTrue();
        scene = TestScene.create();
        ui = LocalUi.start(scene);
        screenshots = Path.of(System.getProperty("suoja.test.screenshots", "target/screenshots"));
        Files.createDirectories(screenshots);
    }

    @AfterAll
    static void stop() {
        if (ui != null) {
            ui.stop("CSP browser test done");
        }
    }

    @BeforeEach
    void browser() throws IOException {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--disable-dev-shm-usage", "--window-size=1280,1024", "--lang=fi",
                "--user-data-dir=" + TempDirs.create("suoja-chromium-csp"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build(), options);
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (driver != null) {
            read("at the end");
            console.forEach(System.out::println);
            Files.write(screenshots.resolve("csp-last.png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            driver.quit();
        }
    }

    @Test
    void the_kiosk_and_the_staff_desk_run_under_the_policy_without_a_single_violation() throws IOException {
        driver.get(ui.base);
        waitFor(By.id("book")).click();
        waitFor(By.id("when-now"));
        read("kiosk");

        Chromium.logInAsAdmin(driver, ui.base);
        waitFor(By.id("nav-admin"));
        waitFor(By.id("lang-fi")).click();
        settle();
        driver.get(ui.base + "staff/admin/audit");
        waitFor(By.id("audit-entries"));
        settle();
        Files.write(screenshots.resolve("staff-audit-fi.png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        assertThat(driver.findElement(By.id("admin-heading")).getText()).isEqualTo("Tapahtumaloki");
        assertThat(js("return Object.values(window.Vaadin.Flow.clients).length")).as("Flow runs").isNotEqualTo(0L);
        read("staff desk");

        assertThat(console).as("console messages about the content security policy")
                .noneMatch(line -> line.contains("Content Security Policy") || line.contains("Refused to"));
    }

    private void read(String where) {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            console.add(where + ": " + entry.getLevel() + " " + entry.getMessage());
        }
    }

    private WebElement waitFor(By by) {
        return Chromium.waitFor(driver, by);
    }

    private void settle() {
        Chromium.settle(driver);
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }
}
