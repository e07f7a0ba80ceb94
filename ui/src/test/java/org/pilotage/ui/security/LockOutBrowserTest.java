package org.pilotage.ui.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pilotage.analytics.access.Role;
import org.pilotage.analytics.users.UserService;
import org.pilotage.ui.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;

/** After five wrong passwords the login form says the account is locked, even to the right password. */
class LockOutBrowserTest extends BrowserTest {

    @Autowired
    UserService users;

    private void attempt(String password) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(url("/login"));
        wait.until(d -> d.findElement(By.cssSelector("vaadin-login-form input[name='username']"))).sendKeys("verrou-ui");
        browser.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys(password, Keys.ENTER);
        wait.until(d -> d.getCurrentUrl().contains("error") || !d.getCurrentUrl().contains("login"));
    }

    @Test
    void theFormSaysTheAccountIsLockedAfterFiveWrongPasswords() throws Exception {
        if (!users.exists("verrou-ui")) {
            users.createInitial("verrou-ui", "bonne-clef-2026", "Compte à verrouiller", EnumSet.of(Role.MANAGER));
        }
        for (int i = 0; i < LoginAttempts.MAX_FAILURES; i++) {
            attempt("mauvaise-" + i);
        }
        attempt("bonne-clef-2026");
        String text = new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> {
            String t = String.valueOf(((JavascriptExecutor) d).executeScript(DEEP_TEXT));
            return t.contains("Compte verrouillé") ? t : null;
        });
        assertThat(text).contains("le compte est verrouillé pendant 15 minutes");
        assertThat(browser.getCurrentUrl()).contains("login");
    }
}
