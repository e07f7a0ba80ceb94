package org.pilotage.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pilotage.ui.RunningPilotage;

/** A manager logs in with headless Chromium and sees the three effect charts. */
class DashboardBrowserTest extends RunningPilotage {

    /** The text of the page including what web components keep in their shadow roots. */
    static final String DEEP_TEXT = """
            const text = n => { let s = ''; if (n.shadowRoot) s += text(n.shadowRoot);
              for (const c of n.childNodes) s += c.nodeType === 3 ? c.textContent : text(c); return s; };
            return text(document.body);""";

    ChromeDriver browser;

    @BeforeEach
    void startBrowser() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("pilotage.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1400,1200", "--lang=en-US",
                "--user-data-dir=" + Files.createTempDirectory("pilotage-chromium-"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("pilotage.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aManagerSeesTheThreeEffectChartsWithFrenchTitles() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(url("/"));

        WebElement user = wait.until(d -> d.findElement(By.cssSelector("vaadin-login-form input[name='username']")));
        user.sendKeys("manager");
        browser.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys("demo", Keys.ENTER);

        wait.until(d -> d.findElements(By.cssSelector("img.effect-chart")).size() == 3);
        @SuppressWarnings("unchecked")
        List<Long> widths = (List<Long>) wait.until(d -> {
            Object w = ((JavascriptExecutor) d).executeScript(
                    "return Array.from(document.querySelectorAll('img.effect-chart')).map(i => i.complete ? i.naturalWidth : 0)");
            return ((List<?>) w).stream().allMatch(x -> ((Number) x).longValue() > 0) ? w : null;
        });
        assertThat(widths).hasSize(3).allSatisfy(w -> assertThat(w).isGreaterThan(0));

        List<String> titles = browser.findElements(By.cssSelector("section.effect-section h2")).stream()
                .map(WebElement::getText).toList();
        assertThat(titles).containsExactly("Effets organisationnels", "Effets chez les intervenants", "Effets chez la clientèle");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Effets perçus des pratiques");

        Path shot = Path.of("target", "screenshots", "dashboard-manager.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void aWrongPasswordKeepsTheUserOnTheFrenchLoginForm() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(url("/"));
        wait.until(d -> d.findElement(By.cssSelector("vaadin-login-form input[name='username']"))).sendKeys("manager");
        browser.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys("mauvais", Keys.ENTER);

        wait.until(d -> d.getCurrentUrl().contains("error"));
        String text = wait.until(d -> {
            String t = (String) ((JavascriptExecutor) d).executeScript(DEEP_TEXT);
            return t != null && t.contains("Identifiants incorrects") ? t : null;
        });
        assertThat(text).contains("Identifiants incorrects");
        assertThat(browser.findElements(By.cssSelector("img.effect-chart"))).isEmpty();
    }
}
