package org.pilotage.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless Chromium driven by its chromedriver, against the running application. */
public abstract class BrowserTest extends RunningPilotage {

    /** The text of the page including what web components keep in their shadow roots. */
    protected static final String DEEP_TEXT = """
            const text = n => { let s = ''; if (n.shadowRoot) s += text(n.shadowRoot);
              for (const c of n.childNodes) s += c.nodeType === 3 ? c.textContent : text(c); return s; };
            return text(document.body);""";

    protected ChromeDriver browser;

    @BeforeEach
    void startBrowser() throws Exception {
        browser = newBrowser();
    }

    /** A headless Chromium of its own (a test may need two: a facilitator's and a wall screen's). */
    protected static ChromeDriver newBrowser() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("pilotage.chromium", "/usr/bin/chromium"));
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1400,1200", "--lang=en-US",
                "--user-data-dir=" + Files.createTempDirectory("pilotage-chromium-"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("pilotage.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Opens the path, logs in on the form it redirects to, and answers a wait for what follows. */
    protected WebDriverWait logIn(String user, String path) {
        return logIn(browser, user, path);
    }

    protected WebDriverWait logIn(ChromeDriver in, String user, String path) {
        WebDriverWait wait = new WebDriverWait(in, Duration.ofSeconds(30));
        in.get(url(path));
        wait.until(d -> d.findElement(By.cssSelector("vaadin-login-form input[name='username']"))).sendKeys(user);
        in.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys("demo", Keys.ENTER);
        return wait;
    }

    /** What the browser's console said since the last call: errors, CSP violations among them. */
    protected java.util.List<String> console() {
        return browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(e -> e.getLevel() + " " + e.getMessage()).toList();
    }

    protected void screenshot(String name) throws Exception {
        Path shot = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
