package dev.fnbundle.local;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.remote.CapabilityType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium driven by Selenium, for the browser console's tests. Debian's {@code chromium} and
 * {@code chromium-driver} packages must be installed; without them the tests are skipped with a loud notice,
 * unless {@code FNBUNDLE_REQUIRE_BROWSER} is set (as {@code .ci/run} sets it), which makes a missing browser a
 * failure.
 */
final class ConsoleBrowser implements AutoCloseable {
    static final String PACKAGES = "chromium chromium-driver";
    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome");
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private final ChromeDriver driver;
    private final Path profile;

    private ConsoleBrowser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts a fresh headless Chromium, or skips the calling test class when there is none (see class doc). */
    static ConsoleBrowser start() {
        String binary = first(System.getenv("CHROME_BIN"), BROWSERS);
        String driverPath = first(System.getenv("CHROMEDRIVER"), DRIVERS);
        if (binary == null || driverPath == null) {
            String notice = "BROWSER TESTS SKIPPED: headless Chromium is not installed. Install Debian's packages"
                    + " with: apt-get install -y " + PACKAGES + " (.ci/run does this and then requires them).";
            if (System.getenv("FNBUNDLE_REQUIRE_BROWSER") != null) {
                throw new IllegalStateException("FNBUNDLE_REQUIRE_BROWSER is set, but " + notice);
            }
            shout(notice);
            assumeTrue(false, notice);
        }
        try {
            Path profile = Files.createTempDirectory("fnbundle-chromium");
            var options = new ChromeOptions();
            options.setBinary(binary);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--user-data-dir=" + profile, "--window-size=1400,1000",
                    "--force-device-scale-factor=1", "--lang=en-US");
            options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
            var logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            options.setCapability(CapabilityType.ACCEPT_INSECURE_CERTS, false);
            var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(driverPath))
                    .usingAnyFreePort().build();
            var driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            return new ConsoleBrowser(driver, profile);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    WebDriver driver() {
        return driver;
    }

    /** Waits up to 60 s for a condition, polling every 100 ms. */
    <T> T await(Function<WebDriver, T> condition) {
        try {
            // A page that reloads itself after an action leaves stale elements behind: look again.
            return new WebDriverWait(driver, Duration.ofSeconds(60), Duration.ofMillis(100))
                    .ignoring(StaleElementReferenceException.class).until(condition);
        } catch (TimeoutException e) {
            String main;
            try {
                main = driver.findElement(org.openqa.selenium.By.tagName("body")).getText();
            } catch (RuntimeException unreadable) {
                main = "(page unreadable: " + unreadable + ")";
            }
            throw new AssertionError("waited 60 s in vain; the browser shows " + driver.getCurrentUrl() + ":\n"
                    + main, e);
        }
    }

    /** The browser's console messages since the last call (CSP violations show up here). */
    List<LogEntry> consoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll();
    }

    /** Saves the page as a PNG into {@code directory}. */
    void screenshot(Path directory, String name) {
        try {
            Files.createDirectories(directory);
            Files.write(directory.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A screenshot of the whole page (not only the window), as Chromium's DevTools captures it. */
    void fullPageScreenshot(Path directory, String name) {
        try {
            Files.createDirectories(directory);
            Map<String, Object> result = driver.executeCdpCommand("Page.captureScreenshot",
                    Map.of("format", "png", "captureBeyondViewport", true));
            Files.write(directory.resolve(name + ".png"),
                    java.util.Base64.getDecoder().decode((String) result.get("data")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind is harmless
        }
    }

    private static String first(String configured, List<String> candidates) {
        if (configured != null && Files.isExecutable(Path.of(configured))) {
            return configured;
        }
        return candidates.stream().filter(path -> Files.isExecutable(Path.of(path))).findFirst().orElse(null);
    }

    /**
     * Prints past Surefire's capture of the test's output (the build log shows the forked JVM's native standard
     * error), so that the skip is seen where the build is watched.
     */
    private static void shout(String notice) {
        var err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        err.println();
        err.println("*".repeat(100));
        err.println("* " + notice);
        err.println("*".repeat(100));
        err.println();
    }
}
