package fi.suoja.ui.staff;

import fi.suoja.ui.Chromium;
import fi.suoja.ui.LocalUi;
import fi.suoja.ui.TestScene;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statistics page in a real headless Chromium: reached from the desk's navigation, clean in an
 * axe-core audit (WCAG 2.1 A and AA), and its CSV link downloads the server's file through the UI
 * server with the staff member's session only.
 */
@Tag("browser")
class StatisticsBrowserTest {

    static TestScene scene;
    static LocalUi ui;
    static WebDriver driver;

    @BeforeAll
    static void start() throws Exception {
        Chromium.requireInstalled();
        scene = TestScene.create();
        ui = LocalUi.start(scene);
        driver = Chromium.start("--lang=en");
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (ui != null) {
            ui.stop("statistics browser test done");
        }
    }

    @Test
    void the_page_is_reached_from_the_desk_passes_axe_and_its_csv_downloads() throws Exception {
        String code = scene.bookNowElsewhere(scene.equippedRoom, 30).path("code").asText();
        Chromium.logInAsAdmin(driver, ui.base);
        waitFor(By.id("nav-statistics")).click();
        // the tables per room are folded below the pictures
        waitFor(By.cssSelector("#stats-per-room > summary")).click();
        waitFor(By.id("stats-days"));
        assertThat(driver.findElement(By.cssSelector("#stats-days caption")).getText()).isNotBlank();
        assertThat(driver.findElement(By.id("stat-total")).getText()).endsWith("1");

        List<String> violations = Chromium.axe(driver, "'wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'");
        assertThat(violations).as("axe-core WCAG 2.1 A/AA violations on the statistics page").isEmpty();

        String href = driver.findElement(By.id("stats-csv")).getAttribute("href");
        Object csv = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(r => r.text()).then(done).catch(e => done('failed: ' + e));", href);
        assertThat(String.valueOf(csv)).contains("section,room_id,room,date,hour,measure,value")
                .contains("bookings,,,,,total,1").doesNotContain(code);
    }

    private static WebElement waitFor(By by) {
        return Chromium.waitFor(driver, by);
    }
}
