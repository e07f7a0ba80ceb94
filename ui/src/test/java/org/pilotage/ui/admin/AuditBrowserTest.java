package org.pilotage.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pilotage.ui.BrowserTest;

/** An admin reads the audit log, where their own login stands, and exports it as CSV. */
class AuditBrowserTest extends BrowserTest {

    @Test
    void anAdminSeesTheirLoginInTheAuditLogAndExportsIt() throws Exception {
        WebDriverWait wait = logIn("admin", "/admin/audit");
        wait.until(d -> d.findElement(By.id("audit-events")));
        String text = wait.until(d -> {
            String t = (String) ((JavascriptExecutor) d).executeScript(DEEP_TEXT);
            return t != null && t.contains("login") && t.contains("admin") ? t : null;
        });
        assertThat(text).contains("Journal d’audit");
        String csv = String.valueOf(((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(document.getElementById('audit-export').href).then(r => r.arrayBuffer())
                  .then(b => done(new TextDecoder('utf-8', {ignoreBOM: true}).decode(b)));"""));
        assertThat(csv).startsWith("\uFEFFid;horodatage;utilisateur;action;cible;detail;adresse").contains(";admin;login;");
        // Other roles do not reach it.
        assertThat(browser.findElements(By.id("nav-audit"))).hasSize(1);
    }
}
