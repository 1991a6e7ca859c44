package org.unionbot.adapter.admin.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real headless Chromium (the system's {@code /usr/bin/chromium} and
 * {@code /usr/bin/chromedriver}; Selenium Manager never downloads anything). For browser tests of
 * console pages:
 *
 * <pre>{@code
 * try (ConsoleBrowser browser = ConsoleBrowser.start("http://localhost:" + port)) {
 *     browser.login("chair", password);
 *     browser.open("/admin/polls");
 *     browser.field("标题").sendKeys("春游");      // by the field's <label>
 *     browser.press("创建");                        // a <button> by its text
 *     browser.screenshot("poll-created");
 * }
 * }</pre>
 *
 * Screenshots go to the directory in the system property {@code e2e.screenshots} (the application
 * module points it at {@code adapters/admin/target/e2e-screenshots}), else {@code target/e2e-screenshots}.
 * Without the browser the test is skipped with the reason (the build installs it as root on Debian).
 */
public final class ConsoleBrowser implements AutoCloseable {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final WebDriver driver;
    private final String baseUrl;
    private final Path screenshots;
    private final Path profile;
    private int shot;

    private ConsoleBrowser(WebDriver driver, String baseUrl, Path screenshots, Path profile) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.screenshots = screenshots;
        this.profile = profile;
    }

    public static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** Starts a fresh headless browser (new profile every time) for the application at {@code baseUrl}. */
    public static ConsoleBrowser start(String baseUrl) {
        Assumptions.assumeTrue(available(), "no /usr/bin/chromium or /usr/bin/chromedriver: run the build as root"
                + " on Debian (src/test/scripts/ensure-chromium.sh) or apt-get install chromium chromium-driver");
        try {
            Path profile = Files.createTempDirectory("console-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=zh-CN",
                    "--user-data-dir=" + profile);
            // Downloads (exports) land in the profile, where a test reads them back before close.
            Path downloads = Files.createDirectories(profile.resolve("downloads"));
            options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            WebDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
            Path dir = Path.of(System.getProperty("e2e.screenshots", "target/e2e-screenshots"));
            Files.createDirectories(dir);
            return new ConsoleBrowser(driver, baseUrl, dir, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(baseUrl + path);
    }

    /** Logs in through the login page and waits for the page after it. */
    public void login(String username, String password) {
        open("/admin/login");
        field("用户名").sendKeys(username);
        field("密码").sendKeys(password);
        press("登录");
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.not(ExpectedConditions.urlContains("/admin/login")));
    }

    /** The form field named by a {@code <label>} whose text starts with {@code labelText}. */
    public WebElement field(String labelText) {
        for (WebElement label : driver.findElements(By.tagName("label"))) {
            if (label.getText().strip().startsWith(labelText)) {
                String id = label.getAttribute("for");
                if (id != null && !id.isEmpty()) {
                    return driver.findElement(By.id(id));
                }
            }
        }
        throw new AssertionError("no field labelled " + labelText + " on " + driver.getCurrentUrl());
    }

    /** Clicks the first visible {@code <button>} whose text is {@code text}. */
    public void press(String text) {
        List<WebElement> buttons = driver.findElements(By.tagName("button"));
        for (WebElement b : buttons) {
            if (b.isDisplayed() && b.getText().strip().equals(text)) {
                // The console has no JavaScript: every button submits a form and loads a new page. Wait for
                // the old page to go and the new one to finish, so the next read never meets it half-replaced.
                WebElement page = driver.findElement(By.tagName("html"));
                b.click();
                awaitNextPage(page);
                return;
            }
        }
        throw new AssertionError("no button " + text + " on " + driver.getCurrentUrl());
    }

    /**
     * Waits until {@code oldPage} is gone and the document that replaced it has loaded. While Chromium
     * swaps documents, a probe may fail with errors other than a stale element (such as "cannot find
     * context"); those only mean "not yet", so the wait ignores them and asks again.
     */
    private void awaitNextPage(WebElement oldPage) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(WebDriverException.class)
                .until(d -> isGone(oldPage) && "complete".equals(
                        ((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException gone) {
            return true;
        }
    }

    /** Waits for a download named {@code fileName} to complete; returns its path (gone after close). */
    public Path download(String fileName, Duration timeout) {
        Path file = profile.resolve("downloads").resolve(fileName);
        new WebDriverWait(driver, timeout).until(d -> Files.isRegularFile(file)
                && !Files.exists(profile.resolve("downloads").resolve(fileName + ".crdownload")));
        return file;
    }

    /** The visible text of the current page; a page still being replaced is read again once it has loaded. */
    public String text() {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(WebDriverException.class)
                .until(d -> d.findElement(By.tagName("body")).getText());
    }

    /** Saves a PNG named {@code NN-name.png}; returns its path. */
    public Path screenshot(String name) {
        try {
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Path file = screenshots.resolve(String.format("%02d-%s.png", ++shot, name));
            Files.write(file, png);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary profile is harmless.
        }
    }
}
