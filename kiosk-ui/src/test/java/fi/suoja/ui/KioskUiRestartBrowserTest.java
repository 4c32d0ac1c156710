package fi.suoja.ui;

import com.github.mvysny.vaadinboot.VaadinBoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.ResourceBundle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kiosk-ui restarts (an upgrade, a crash) while a kiosk's page is open in its browser: while it is
 * away the page says so in the kiosk's language (Vaadin's own words are English), and as nobody is
 * at the kiosk to reload it, the page comes back to the start screen by itself.
 */
@Tag("browser")
class KioskUiRestartBrowserTest {

    /** The kiosk's words in a language (bundles are read as UTF-8). */
    private static ResourceBundle words(String language) {
        return ResourceBundle.getBundle("vaadin-i18n.translations", Locale.forLanguageTag(language));
    }

    private VaadinBoot ui;
    private WebDriver driver;

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (ui != null) {
            ui.stop("restart test done");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fi", "ar"})
    void a_kiosk_page_open_while_kiosk_ui_restarts_says_so_in_its_language_and_comes_back_to_the_start_screen_by_itself(
            String language) throws Exception {
        Chromium.requireInstalled();
        TestScene scene = TestScene.create();
        int port = KioskServerProcess.freePort();
        ui = LocalUi.startWarmed(scene.server, scene.kioskToken, port);
        String base = "http://localhost:" + port + "/";
        driver = Chromium.start("--lang=fi");
        driver.get(base);
        Chromium.waitFor(driver, By.cssSelector("#screen[data-screen='start']"));
        if (!"fi".equals(language)) {
            driver.findElement(By.id("lang-" + language)).click();
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> language.equals(js(d, "return document.documentElement.lang;")));
        }
        Chromium.waitFor(driver, By.id("book")).click();
        Chromium.waitFor(driver, By.cssSelector("#screen[data-screen='when']"));

        ui.stop("restarting under the kiosk's page");
        ui = null;
        // the page's next poll finds nobody: Flow's client says it is reconnecting
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !"connected".equals(js(d,
                "return window.Vaadin.connectionState.state;")));
        screenshot("kiosk-ui-restart-" + language + "-1-while-down");
        String whileDown = driver.findElement(By.tagName("body")).getText();
        assertThat(whileDown).as("what the visitor reads while kiosk-ui is away: the screen, and why it waits, in " + language)
                .contains(words(language).getString("when.heading")).contains(words(language).getString("connection.reconnecting"))
                .doesNotContainIgnoringCase("connection").doesNotContainIgnoringCase("server");

        ui = LocalUi.startWarmed(scene.server, scene.kioskToken, port);
        // nobody touches the kiosk: its page finds its session gone, loads again and starts over
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d ->
                !d.findElements(By.cssSelector("#screen[data-screen='start']")).isEmpty());
        Chromium.settle(driver);
        screenshot("kiosk-ui-restart-" + language + "-2-back");
        // a new visit: the kiosk's first language, whatever the last visitor chose
        assertThat(js(driver, "return document.documentElement.lang;")).isEqualTo("fi");
        assertThat(driver.findElement(By.id("screen")).getText()).contains(words("fi").getString("start.heading"));
    }

    private static Object js(WebDriver on, String script) {
        return ((JavascriptExecutor) on).executeScript(script);
    }

    private void screenshot(String name) throws Exception {
        Path folder = Path.of(System.getProperty("suoja.test.screenshots", "target/screenshots"));
        Files.createDirectories(folder);
        Files.write(folder.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
