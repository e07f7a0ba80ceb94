package org.pilotage.ui.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pilotage.analytics.audit.AuditLog;
import org.pilotage.analytics.rooms.SteeringRoom;
import org.pilotage.analytics.rooms.SteeringRoomRepository;
import org.pilotage.ui.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;

/** An admin creates a room in the UI, adds a priority action to it, then deletes it; each act is in the audit log. */
class RoomAdminBrowserTest extends BrowserTest {

    @Autowired
    SteeringRoomRepository rooms;
    @Autowired
    AuditLog audit;

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private void choose(WebDriverWait wait, String comboInput, String text) {
        WebElement input = wait.until(d -> d.findElement(By.cssSelector(comboInput)));
        input.sendKeys(text);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> js(
                "return document.querySelector('vaadin-combo-box-overlay') !== null || document.querySelector('vaadin-combo-box-item') !== null")
                .equals(Boolean.TRUE));
        input.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
    }

    @Test
    void anAdminCreatesARoomAddsAnActionAndDeletesTheRoom() throws Exception {
        WebDriverWait wait = logIn("admin", "/");
        wait.until(d -> d.findElement(By.id("room-new"))).click();
        String name = "Salle d’essai " + System.nanoTime();
        wait.until(d -> d.findElement(By.cssSelector("#room-name input"))).sendKeys(name, Keys.TAB);
        choose(wait, "#room-establishment input", "CISSS-DEMO-EST");
        choose(wait, "#room-indicators vaadin-combo-box input", "CLI-FAMILLES");
        wait.until(d -> d.findElements(By.cssSelector(".ordered-picker-row")).size() == 1);
        js("document.getElementById('room-save').click()");

        SteeringRoom room = new WebDriverWait(browser, Duration.ofSeconds(20)).until(d ->
                rooms.findAll().stream().filter(r -> r.name().equals(name)).findFirst().orElse(null));
        assertThat(room.establishment()).isEqualTo("CISSS-DEMO-EST");
        assertThat(room.indicators()).containsExactly("CLI-FAMILLES");

        browser.get(url("/rooms/" + room.id()));
        wait.until(d -> d.findElement(By.id("action-add")));
        js("document.getElementById('action-add').click()");
        wait.until(d -> d.findElement(By.cssSelector("#action-title input"))).sendKeys("Planifier la journée du partenariat", Keys.TAB);
        browser.findElement(By.cssSelector("#action-owner input")).sendKeys("Coordination DSI", Keys.TAB);
        js("document.getElementById('action-save').click()");
        wait.until(d -> String.valueOf(js(DEEP_TEXT)).contains("Planifier la journée du partenariat"));

        browser.get(url("/"));
        WebElement delete = wait.until(d -> d.findElement(By.cssSelector(".room-card[data-room='" + room.id() + "'] .room-delete")));
        js("arguments[0].click()", delete);
        wait.until(d -> js("return document.querySelector('vaadin-confirm-dialog-overlay, vaadin-confirm-dialog[opened]') !== null").equals(Boolean.TRUE));
        js("""
                const buttons = [];
                const walk = n => { if (n.shadowRoot) walk(n.shadowRoot);
                  for (const c of n.children) { if (c.tagName === 'VAADIN-BUTTON') buttons.push(c); walk(c); } };
                walk(document.body);
                buttons.filter(b => b.getAttribute('slot') === 'confirm-button' || b.textContent.trim() === 'Supprimer')
                       .filter(b => !b.classList.contains('room-delete')).forEach(b => b.click());""");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> rooms.find(room.id()).isEmpty());

        assertThat(audit.find("admin", null, null, null, 50)).filteredOn(e -> e.target() != null && e.target().startsWith("room " + room.id()))
                .extracting(AuditLog.Event::action).contains("room-created", "action-added", "room-deleted");
    }
}
