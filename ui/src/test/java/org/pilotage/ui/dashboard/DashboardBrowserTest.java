package org.pilotage.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pilotage.ui.BrowserTest;

/** A manager logs in with headless Chromium and sees the three effect charts. */
class DashboardBrowserTest extends BrowserTest {

    @Test
    void aManagerSeesTheThreeEffectChartsWithFrenchTitles() throws Exception {
        WebDriverWait wait = logIn("manager", "/effects");

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

        screenshot("dashboard-manager");
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
