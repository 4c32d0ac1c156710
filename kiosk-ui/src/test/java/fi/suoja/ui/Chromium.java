package fi.suoja.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.suoja.hardware.TempDirs;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser tests' Debian Chromium, driven by Debian's chromedriver (nothing is downloaded), and
 * their axe-core audit, shared by the kiosk's browser tests.
 */
public final class Chromium {

    public static final String BINARY = "/usr/bin/chromium";
    public static final String DRIVER = "/usr/bin/chromedriver";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String axeSource;

    private Chromium() {
    }

    /** Fails with the command that installs them when Chromium or its driver is missing. */
    public static void requireInstalled() {
        assertThat(new File(BINARY).canExecute()).as("Chromium is needed at " + BINARY
                + ": apt-get install -y chromium chromium-driver").isTrue();
        assertThat(new File(DRIVER).canExecute()).as("chromedriver is needed at " + DRIVER
                + ": apt-get install -y chromium chromium-driver").isTrue();
    }

    /**
     * A headless Chromium of its own (profile, session): the kiosk's touchscreen, or a staff desk PC;
     * 1280×1024 unless {@code moreArguments} give a {@code --window-size}, e.g. {@code --lang=fi} too.
     */
    public static WebDriver start(String... moreArguments) throws IOException {
        System.setProperty("webdriver.chrome.driver", DRIVER);
        Path profile = TempDirs.create("suoja-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile);
        if (Arrays.stream(moreArguments).noneMatch(argument -> argument.startsWith("--window-size="))) {
            options.addArguments("--window-size=1280,1024");
        }
        options.addArguments(moreArguments);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        WebDriver chromium = new ChromeDriver(service, options);
        chromium.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return chromium;
    }

    /** Waits until the element is shown; Flow may draw it again meanwhile, so a stale look is looked again. */
    public static WebElement waitFor(WebDriver on, By by) {
        return new WebDriverWait(on, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class).until(d -> {
            List<WebElement> found = d.findElements(by);
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    /** Opens the staff desk at {@code base} and logs in as the admin (the caller waits for the page it expects). */
    public static void logInAsAdmin(WebDriver on, String base) {
        on.get(base + "staff");
        waitFor(on, By.cssSelector("#login-username input")).sendKeys("admin");
        WebElement password = waitFor(on, By.cssSelector("#login-password input"));
        password.sendKeys(KioskServerProcess.ADMIN_PASSWORD);
        password.sendKeys(Keys.ENTER);
    }

    /** Lets Flow finish its round trips before the next look. */
    public static void settle(WebDriver on) {
        new WebDriverWait(on, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return !window.Vaadin || !window.Vaadin.Flow || !window.Vaadin.Flow.clients"
                        + " || Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive())")));
    }

    /**
     * axe-core with the given rule tags ({@code 'wcag2a', 'wcag2aa'}) on what {@code on} shows: one
     * line per violating element. Vaadin's own connection indicator sits outside the landmarks,
     * empty while connected: the one element left out of the audit.
     */
    public static List<String> axe(WebDriver on, String tags) {
        JavascriptExecutor page = (JavascriptExecutor) on;
        if (!Boolean.TRUE.equals(page.executeScript("return typeof window.axe !== 'undefined'"))) {
            page.executeScript(axeSource());
        }
        Object result = page.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run({exclude: [['vaadin-connection-indicator']]}, {runOnly: {type: 'tag', values: [" + tags + "]},"
                        + " resultTypes: ['violations']})"
                        + ".then(r => done(JSON.stringify(r.violations))).catch(e => done('axe failed: ' + e));");
        List<String> found = new ArrayList<>();
        try {
            for (JsonNode violation : JSON.readTree(String.valueOf(result))) {
                for (JsonNode node : violation.path("nodes")) {
                    found.add(violation.path("id").asText() + " [" + violation.path("impact").asText() + "] at " + node.path("target")
                            + ": " + node.path("failureSummary").asText().replace('\n', ' '));
                }
            }
        } catch (IOException e) {
            throw new AssertionError("axe did not run: " + result, e);
        }
        return found;
    }

    private static synchronized String axeSource() {
        if (axeSource == null) {
            axeSource = Axe.source();
        }
        return axeSource;
    }
}
