package dev.waotp.sample.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through Debian's chromedriver: both paths are given, so Selenium
 * downloads nothing (the build has no network for it). A missing browser fails the test, saying how to
 * install it; no browser test skips itself. Every page visited is kept as a screenshot under
 * {@code target/screenshots/} for a person to look at.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final WebDriver driver;
    private final String baseUrl;
    private String test = "test";
    private int step;

    private Browser(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    static Browser open(int port) {
        for (Path required : new Path[] {CHROMIUM, CHROMEDRIVER}) {
            if (!Files.isExecutable(required)) {
                throw new AssertionError(required + " is missing: the browser tests need Debian's chromium and"
                        + " chromium-driver. Run .ci/test (it installs them), or: sudo apt-get install -y chromium"
                        + " chromium-driver");
            }
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=900,700", "--no-first-run", "--disable-extensions");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), "http://localhost:" + port);
    }

    /** Names the screenshots of the test that starts now, and forgets the last test's session. */
    void startTest(String name) {
        test = name;
        step = 0;
        driver.manage().deleteAllCookies();
    }

    void go(String path) {
        driver.get(baseUrl + path);
        screenshot();
    }

    void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /**
     * Sets a field that the page made read-only, as a user who edits the page would: Spring Security's
     * login page shows the signed-in user's name read-only, and nothing on the server holds them to it.
     */
    void overwrite(String id, String text) {
        ((JavascriptExecutor) driver).executeScript("const field = document.getElementById(arguments[0]);"
                + " field.removeAttribute('readonly'); field.value = arguments[1];", id, text);
    }

    /** Clicks the element with this id and waits for the next page, then keeps its screenshot. */
    void click(String id) {
        click(By.id(id));
    }

    /** Clicks the form's submit button, on a page whose button has no id (Spring Security's login page). */
    void submit() {
        click(By.cssSelector("button[type=submit]"));
    }

    private void click(By target) {
        WebElement button = driver.findElement(target);
        button.click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(button));
        screenshot();
    }

    /**
     * Posts the current page's first form, its CSRF token included, to {@code path} with one more field: a
     * form made by hand, as a user who edits the page (or a script) would post it.
     */
    void postFirstFormTo(String path, String field, String value) {
        WebElement page = driver.findElement(By.tagName("html"));
        ((JavascriptExecutor) driver).executeScript("const form = document.forms[0];"
                + " form.action = arguments[0];"
                + " const input = document.createElement('input');"
                + " input.type = 'hidden'; input.name = arguments[1]; input.value = arguments[2];"
                + " form.appendChild(input); form.submit();", path, field, value);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(page));
        screenshot();
    }

    String path() {
        return driver.getCurrentUrl().substring(baseUrl.length());
    }

    String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    private void screenshot() {
        step++;
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(String.format("%s-%02d.png", test, step)),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
