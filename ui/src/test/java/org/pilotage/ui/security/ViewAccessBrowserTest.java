package org.pilotage.ui.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pilotage.analytics.rooms.SteeringRoomRepository;
import org.pilotage.ui.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Each role, logged in through the form, opens every view: it gets the views of its role and is refused the others. */
class ViewAccessBrowserTest extends BrowserTest {

    @Autowired
    SteeringRoomRepository rooms;

    @Test
    void eachRoleOpensExactlyTheViewsOfItsRole() throws Exception {
        long room = rooms.findAll().getFirst().id();
        // path → (css class the view carries, roles that may open it)
        Map<String, Object[]> views = new LinkedHashMap<>();
        views.put("/effects", new Object[] {"pilotage-dashboard", Set.of("manager", "executive", "admin")});
        views.put("/rooms/" + room, new Object[] {"pilotage-room", Set.of("manager", "executive", "admin")});
        views.put("/rooms/" + room + "/indicators/CLI-FAMILLES", new Object[] {"pilotage-indicator", Set.of("manager", "executive", "admin")});
        views.put("/rooms/" + room + "/tv", new Object[] {"wall-screen", Set.of("manager", "executive", "admin")});
        views.put("/ingestion", new Object[] {"pilotage-ingestion", Set.of("steward", "admin")});
        views.put("/admin/audit", new Object[] {"pilotage-audit", Set.of("admin")});
        views.put("/admin/users", new Object[] {"pilotage-users", Set.of("admin")});
        List<String> wrong = new ArrayList<>();
        List<String> refusedByPolicy = new ArrayList<>();
        for (String user : List.of("manager", "executive", "steward", "admin")) {
            browser.manage().deleteAllCookies();
            WebDriverWait wait = logIn(user, "/");
            wait.until(d -> d.getCurrentUrl().startsWith(url("/")) && !d.getCurrentUrl().contains("login"));
            for (var view : views.entrySet()) {
                String css = (String) view.getValue()[0];
                @SuppressWarnings("unchecked")
                boolean allowed = ((Set<String>) view.getValue()[1]).contains(user);
                browser.get(url(view.getKey()));
                // Shown: the view's own element; refused: Vaadin's page for a route the user may not open.
                new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> !d.findElements(By.className(css)).isEmpty()
                        || String.valueOf(((JavascriptExecutor) d).executeScript(DEEP_TEXT)).contains("Could not navigate"));
                boolean shown = !browser.findElements(By.className(css)).isEmpty();
                if (shown != allowed) {
                    wrong.add(user + " " + view.getKey() + ": " + (shown ? "shown" : "refused"));
                }
                if (!allowed) {
                    String text = String.valueOf(((JavascriptExecutor) browser).executeScript(DEEP_TEXT));
                    assertThat(text).doesNotContain("Exception");
                }
                // Every view works under the content security policy: nothing it runs or loads is refused.
                console().stream().filter(l -> l.contains("Content Security Policy") || l.contains("Refused to"))
                        .forEach(l -> refusedByPolicy.add(user + " " + view.getKey() + ": " + l));
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(refusedByPolicy).isEmpty();
    }
}
