package cn.tcsubsidy.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian's packages ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}) driven by
 * Selenium; nothing is downloaded. Without the browser a test is skipped with a printed notice, unless
 * {@code REQUIRE_BROWSER} is set (as {@code .ci/run} does): then it fails. Screenshots go to {@code target/browser/}.
 */
public final class BrowserSession implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path SHOTS = Path.of("target", "browser");

    private final ChromeDriver driver;
    private final String base;
    private final Path profile;

    private BrowserSession(ChromeDriver driver, String base, Path profile) {
        this.driver = driver;
        this.base = base;
        this.profile = profile;
    }

    /** Skips (no browser, REQUIRE_BROWSER unset) or fails (REQUIRE_BROWSER set) when Chromium is not installed. */
    public static void requireBrowser() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!present) {
            String notice = "Browser tests skipped: no " + CHROMIUM + " and " + DRIVER
                    + " (apt-get install chromium chromium-driver fonts-noto-cjk)";
            if (System.getenv("REQUIRE_BROWSER") != null) {
                Assertions.fail(notice + ", and REQUIRE_BROWSER is set");
            }
            System.out.println("NOTICE: " + notice);
            Assumptions.abort(notice);
        }
    }

    /** A fresh headless Chromium (Chinese first, Asia/Shanghai, 1440×900, a new user-data dir) against the app on {@code port}. */
    public static BrowserSession open(int port) {
        requireBrowser();
        try {
            Path profile = Files.createTempDirectory("tc-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--window-size=1440,900", "--lang=zh-CN",
                    "--user-data-dir=" + profile.toAbsolutePath());
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            // The browser in Beijing time, as the bureaus' machines are (the webapps show dates in the browser's zone).
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                    .withEnvironment(Map.of("TZ", "Asia/Shanghai")).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            Files.createDirectories(SHOTS);
            return new BrowserSession(driver, "http://127.0.0.1:" + port, profile);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void go(String path) {
        driver.get(base + path);
    }

    public WebElement await(By by, Duration timeout) {
        return new WebDriverWait(driver, timeout).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public List<WebElement> awaitAll(By by, Duration timeout) {
        new WebDriverWait(driver, timeout).until(ExpectedConditions.presenceOfElementLocated(by));
        return driver.findElements(by);
    }

    /** Signs in on a webapp's login form (password = user name), as a person would. */
    public void signIn(String webapp, String user) {
        go("/camunda/app/" + webapp + "/default/");
        WebElement name = await(By.cssSelector("input[ng-model='username']"), Duration.ofSeconds(30));
        name.sendKeys(user);
        driver.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(user);
        driver.findElement(By.cssSelector("button[type='submit']")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
        // Before the sign-in the webapp asks who is signed in and is answered 404 (nobody); Tasklist also looks for the
        // Camunda Run welcome page (/camunda-welcome, absent in a Spring Boot app): the webapps' own probes, no error.
        List<String> before = consoleErrors();
        Assertions.assertTrue(before.stream().allMatch(m -> (m.contains("/camunda/api/admin/auth/user/default ")
                || m.contains("/camunda-welcome ")) && m.contains("404")), () -> "console errors at sign-in: " + before);
    }

    /** Lets the page finish a layout change (a resized diagram re-renders) before a screenshot; not a timing check. */
    public void settle() {
        try {
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public Path screenshot(String name) {
        try {
            Path file = SHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the steps; when one fails, saves a screenshot and prints the page console before failing the test. */
    public void onFailure(String shot, Runnable steps) {
        try {
            steps.run();
        } catch (RuntimeException | AssertionError e) {
            screenshot(shot);
            System.out.println("Browser console at failure (" + driver.getCurrentUrl() + "):");
            driver.manage().logs().get(LogType.BROWSER).getAll().forEach(l -> System.out.println("  " + l));
            throw e;
        }
    }

    /** The page console's errors since the last call (SEVERE entries: uncaught exceptions, console.error, failed loads). */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
