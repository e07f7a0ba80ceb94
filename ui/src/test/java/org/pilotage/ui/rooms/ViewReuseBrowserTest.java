package org.pilotage.ui.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pilotage.analytics.dashboard.EffectDashboardService;
import org.pilotage.analytics.rooms.SteeringRoom;
import org.pilotage.analytics.rooms.SteeringRoomRepository;
import org.pilotage.ui.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Going back in the browser's history from one room to another shows the second room in the same
 * view instance (Vaadin reuses a view for the same route): the room page and the wall screen must
 * then show, and follow, the room of the address, not the one they showed before.
 */
class ViewReuseBrowserTest extends BrowserTest {

    @Autowired
    SteeringRoomRepository rooms;
    @Autowired
    EffectDashboardService effects;
    @Autowired
    JdbcTemplate jdbc;

    private SteeringRoom room(String level) {
        return rooms.findAll().stream().filter(r -> r.level().code().equals(level)).findFirst().orElseThrow();
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private void click(WebDriverWait wait, By by) {
        WebElement e = wait.until(d -> d.findElement(by));
        js("arguments[0].click()", e);
    }

    private void openFromTheList(WebDriverWait wait, SteeringRoom room) {
        wait.until(d -> !d.findElements(By.cssSelector(".room-card[data-room='" + room.id() + "'] a.room-card-name")).isEmpty());
        click(wait, By.cssSelector(".room-card[data-room='" + room.id() + "'] a.room-card-name"));
        wait.until(d -> d.getCurrentUrl().endsWith("/rooms/" + room.id()) && titles("h1").equals(List.of(room.name())));
    }

    private List<String> titles(String selector) {
        return browser.findElements(By.cssSelector(selector)).stream().map(WebElement::getText).toList();
    }

    private List<String> tileIndicators() {
        return browser.findElements(By.cssSelector(".tile[data-indicator]")).stream().map(e -> e.getDomAttribute("data-indicator"))
                .distinct().sorted().toList();
    }

    @Test
    void backInHistoryFromOneRoomToAnotherShowsAndFollowsTheRoomOfTheAddress() throws Exception {
        SteeringRoom east = room("operational");
        SteeringRoom south = room("tactical");
        assertThat(east.indicators()).isNotEqualTo(south.indicators());

        // The room page: east, the list, south, then two steps back to east.
        WebDriverWait wait = logIn("manager", "/");
        openFromTheList(wait, east);
        click(wait, By.id("nav-rooms"));
        openFromTheList(wait, south);
        js("history.go(-2)");
        wait.until(d -> d.getCurrentUrl().endsWith("/rooms/" + east.id()) && titles("h1").equals(List.of(east.name())));
        wait.until(d -> tileIndicators().equals(east.indicators().stream().sorted().toList()));

        // The wall screen: east's, back to its room, the list, south's wall screen, then four steps back to east's.
        click(wait, By.id("open-tv"));
        wait.until(d -> titles(".tv-title").equals(List.of(east.name())));
        click(wait, By.cssSelector("a.tv-exit"));
        wait.until(d -> d.getCurrentUrl().endsWith("/rooms/" + east.id()) && !d.findElements(By.id("open-tv")).isEmpty());
        click(wait, By.id("nav-rooms"));
        openFromTheList(wait, south);
        click(wait, By.id("open-tv"));
        wait.until(d -> titles(".tv-title").equals(List.of(south.name())));
        js("history.go(-4)");
        wait.until(d -> d.getCurrentUrl().endsWith("/rooms/" + east.id() + "/tv") && titles(".tv-title").equals(List.of(east.name())));
        wait.until(d -> tileIndicators().equals(east.indicators().stream().sorted().toList()));

        // The reused wall screen follows east now: a publication for east's establishment redraws it.
        String version = String.valueOf(js("return document.getElementById('tv-refreshed').getAttribute('data-version')"));
        String month = effects.lastCompleteMonth().toString();
        Double value = jdbc.queryForObject("""
                SELECT value FROM indicator_measure WHERE establishment = ? AND direction = 'DSI' AND project = ''
                  AND indicator = 'CLI-DEMANDES' AND strftime(period, '%Y-%m') = ?""", Double.class, east.establishment(), month);
        assertThat(value).as("the demo has this month for east's direction").isNotNull();
        // the same value again: the publication touches east without changing what other tests read
        String csv = "etablissement;direction;indicateur;periode;valeur\n" + east.establishment() + ";DSI;CLI-DEMANDES;" + month + ";"
                + value.toString().replace('.', ',') + "\n";
        HttpResponse<String> posted = upload("steward", "demo", "meme-valeur.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(posted.body()).contains("\"status\":\"COMPLETED\"");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d ->
                !String.valueOf(js("return document.getElementById('tv-refreshed').getAttribute('data-version')")).equals(version));
        assertThat(titles(".tv-title")).containsExactly(east.name());
    }
}
