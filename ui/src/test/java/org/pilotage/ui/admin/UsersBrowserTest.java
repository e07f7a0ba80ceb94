package org.pilotage.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pilotage.analytics.audit.AuditLog;
import org.pilotage.analytics.users.PasswordPolicy;
import org.pilotage.ui.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;

/** An admin creates a manager in the UI (the password policy holds), the manager works, then the admin disables them. */
class UsersBrowserTest extends BrowserTest {

    @Autowired
    AuditLog audit;

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private String text() {
        return String.valueOf(js(DEEP_TEXT));
    }

    @Test
    void anAdminCreatesAManagerWhoLogsInThenDisablesThem() throws Exception {
        WebDriverWait wait = logIn("admin", "/admin/users");
        wait.until(d -> d.findElement(By.id("user-new"))).click();
        wait.until(d -> d.findElement(By.cssSelector("#user-username input"))).sendKeys("nouvelle", Keys.TAB);
        browser.findElement(By.cssSelector("#user-name input")).sendKeys("Nouvelle gestionnaire", Keys.TAB);
        js("document.querySelector('#user-roles vaadin-checkbox').click()");
        browser.findElement(By.cssSelector("#user-password input")).sendKeys("court1", Keys.TAB);
        js("document.getElementById('user-save').click()");
        wait.until(d -> text().contains("Le mot de passe compte au moins " + PasswordPolicy.MIN_LENGTH + " caractères."));

        var field = browser.findElement(By.cssSelector("#user-password input"));
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), "partenariat2026", Keys.TAB);
        js("document.getElementById('user-save').click()");
        wait.until(d -> text().contains("Nouvelle gestionnaire"));
        assertThat(status("/api/rooms", "nouvelle", "partenariat2026")).isEqualTo(200);

        wait.until(d -> js("return document.getElementById('user-toggle-nouvelle') !== null").equals(Boolean.TRUE));
        js("document.getElementById('user-toggle-nouvelle').click()");
        wait.until(d -> status("/api/rooms", "nouvelle", "partenariat2026") == 401);
        assertThat(audit.find("admin", null, null, null, 50)).extracting(AuditLog.Event::action)
                .contains("user-created", "user-disabled");
    }

    private int status(String path, String user, String password) {
        try {
            return get(path, user, password).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
