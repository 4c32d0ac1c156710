package fi.suoja.bench.kiosk;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Debian's headless Chromium driven by Debian's chromedriver, with windows that each stand for
 * one kiosk (or one staff desk). Nothing is downloaded: both paths are given, so Selenium Manager
 * has nothing to find. Background throttling is off: the windows must all run at full speed at
 * once, as separate touchscreens would.
 */
public final class Chromium implements AutoCloseable {

    static final String BINARY = System.getenv().getOrDefault("SUOJA_BENCH_CHROMIUM", "/usr/bin/chromium");
    static final String DRIVER = System.getenv().getOrDefault("SUOJA_BENCH_CHROMEDRIVER", "/usr/bin/chromedriver");

    private final WebDriver driver;
    private final Path profile;
    private final List<String> windows = new ArrayList<>();

    public Chromium() throws IOException {
        if (!new File(BINARY).canExecute() || !new File(DRIVER).canExecute()) {
            throw new IllegalStateException("Chromium and chromedriver are needed at " + BINARY + " and " + DRIVER
                    + ": apt-get install -y chromium chromium-driver");
        }
        profile = Files.createTempDirectory("suoja-bench-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                "--disable-backgrounding-occluded-windows", "--window-size=1280,1024", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        windows.add(driver.getWindowHandle());
    }

    /** Makes sure there are at least {@code count} windows. */
    public void windows(int count) {
        while (windows.size() < count) {
            driver.switchTo().newWindow(WindowType.WINDOW);
            windows.add(driver.getWindowHandle());
        }
    }

    /** Runs a script in window {@code index} (0-based) and answers what it returns. */
    public Object run(int index, String script, Object... args) {
        driver.switchTo().window(windows.get(index));
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Clicks the element with this id in window {@code index} as a user would (a script's click is no user gesture). */
    void click(int index, String id) {
        driver.switchTo().window(windows.get(index));
        driver.findElement(org.openqa.selenium.By.id(id)).click();
    }

    /**
     * Makes window {@code index} run this script at the start of every page it opens from now on,
     * before the page's own scripts (DevTools' Page.addScriptToEvaluateOnNewDocument), so that it
     * can see a page from its first moment.
     */
    public void beforeEveryPage(int index, String script) {
        driver.switchTo().window(windows.get(index));
        ((ChromeDriver) driver).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", script));
    }

    /** Opens a URL in window {@code index} and waits for it to load. */
    public void open(int index, String url) {
        driver.switchTo().window(windows.get(index));
        driver.get(url);
    }

    /** Starts loading a URL in window {@code index} without waiting for it. */
    void startOpening(int index, String url) {
        run(index, "window.location.href = arguments[0];", url);
    }

    @Override
    public void close() {
        driver.quit();
        try (var paths = Files.walk(profile)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not remove the browser profile " + profile + ": " + e.getMessage());
        }
    }
}
