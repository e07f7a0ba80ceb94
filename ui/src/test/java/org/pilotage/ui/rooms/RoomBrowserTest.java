package org.pilotage.ui.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pilotage.analytics.dashboard.EffectDashboardService;
import org.pilotage.analytics.dashboard.IndicatorTile;
import org.pilotage.analytics.dashboard.RoomDashboardService;
import org.pilotage.analytics.rooms.ReportingPeriod;
import org.pilotage.analytics.rooms.RoomFilters;
import org.pilotage.analytics.rooms.SteeringRoom;
import org.pilotage.analytics.rooms.SteeringRoomRepository;
import org.pilotage.ui.BrowserTest;
import org.pilotage.ui.base.Formats;
import org.springframework.beans.factory.annotation.Autowired;

/** A manager opens a steering room in Chromium, reads a tile, drills down and comments. */
class RoomBrowserTest extends BrowserTest {

    @Autowired
    SteeringRoomRepository rooms;
    @Autowired
    RoomDashboardService dashboards;
    @Autowired
    EffectDashboardService effects;

    private SteeringRoom room(String level) {
        return rooms.findAll().stream().filter(r -> r.level().code().equals(level)).findFirst().orElseThrow();
    }

    private String js(String script, Object... args) {
        return String.valueOf(((JavascriptExecutor) browser).executeScript(script, args));
    }

    @Test
    void aManagerReadsATilesStatusAndTrendDrillsDownAndCommentsWithAMarkerOnTheChart() throws Exception {
        SteeringRoom room = room("strategic");
        IndicatorTile expected = dashboards.dashboard(room, new RoomFilters(ReportingPeriod.month(effects.lastCompleteMonth())))
                .allTiles().stream().filter(t -> t.indicator().code().equals("CLI-FAMILLES")).findFirst().orElseThrow();
        Formats f = new Formats(Locale.CANADA_FRENCH);

        WebDriverWait wait = logIn("manager", "/");
        wait.until(d -> d.findElements(By.cssSelector(".room-card")).size() >= 3);
        ((JavascriptExecutor) browser).executeScript("arguments[0].click()",
                browser.findElement(By.cssSelector(".room-card[data-room='" + room.id() + "'] a.room-card-name")));

        WebElement tile = wait.until(d -> d.findElement(By.cssSelector(".tile[data-indicator='CLI-FAMILLES']")));
        assertThat(tile.findElement(By.cssSelector(".tile-value")).getText())
                .isEqualTo(f.value(expected.value(), expected.indicator().unit()).replace('\u00A0', ' '));
        String status = tile.findElement(By.cssSelector(".tile-status")).getText();
        assertThat(tile.getDomAttribute("data-status")).isEqualTo(expected.status().code());
        assertThat(status).isEqualTo(TileCard.icon(expected.status()) + " " + switch (expected.status()) {
            case ON_TARGET -> "Cible atteinte";
            case COMMITMENT_MET -> "Engagement tenu";
            case BELOW_COMMITMENT -> "Sous l’engagement";
            case NO_TARGET -> "Sans cible";
            case NO_DATA -> "Pas de donnée";
        });
        String trend = tile.findElement(By.cssSelector(".tile-trend-previous")).getText();
        assertThat(expected.vsPrevious()).isNotNull();
        assertThat(trend).endsWith((f.change(expected.vsPrevious().change(), expected.indicator().unit()) + " vs période précédente")
                .replace('\u00A0', ' '));
        assertThat(browser.findElement(By.id("freshness")).getText()).startsWith("Données au ");
        assertThat(browser.findElements(By.cssSelector("img.effect-chart"))).hasSizeGreaterThanOrEqualTo(4);
        assertThat(browser.findElement(By.id("late-banner")).getText()).contains("en retard");
        // A manager sees no download menu (executives and admins do).
        assertThat(browser.findElements(By.cssSelector(".download-menu"))).isEmpty();
        assertThat(browser.findElements(By.id("report-download"))).isEmpty();
        screenshot("room-strategic");

        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView(); arguments[0].click()", tile);
        wait.until(d -> d.getCurrentUrl().contains("/rooms/" + room.id() + "/indicators/CLI-FAMILLES"));
        wait.until(d -> d.findElement(By.id("indicator-rows")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Familles rejointes par les approches de proximité");

        String text = "Forum des familles " + System.nanoTime();
        WebElement area = wait.until(d -> d.findElement(By.cssSelector("#comment-text textarea")));
        area.sendKeys(text, org.openqa.selenium.Keys.TAB);
        ((JavascriptExecutor) browser).executeScript("arguments[0].click()", browser.findElement(By.id("comment-add")));
        wait.until(d -> d.findElement(By.id("comments")).getText().contains(text));
        assertThat(audit.find("manager", "comment-added", null, null, 20)).anySatisfy(e ->
                assertThat(e.target()).startsWith("indicator CLI-FAMILLES comment "));

        // The marker: the per-direction chart the page shows now carries the comment.
        String svg = wait.until(d -> {
            String s = js("""
                    const img = document.querySelector('img.chart-indicator-directions');
                    if (!img) return '';
                    const r = new XMLHttpRequest(); r.open('GET', img.src, false); r.send(); return r.responseText;""");
            return s.contains(text.substring(0, 20)) ? s : null;
        });
        assertThat(svg).contains("<svg");
        screenshot("indicator-drill-down");

        ((JavascriptExecutor) browser).executeScript("arguments[0].click()", browser.findElement(By.id("back-to-room")));
        wait.until(d -> d.findElement(By.cssSelector("#section-clientele img.effect-chart")));
        String sectionSvg = js("""
                const img = document.querySelector('#section-clientele img.effect-chart');
                const r = new XMLHttpRequest(); r.open('GET', img.src, false); r.send(); return r.responseText;""");
        assertThat(sectionSvg).contains(text.substring(0, 20));
    }

    private String sectionTitle() {
        return js("const h = document.querySelector('#section-practitioner h2'); return h ? h.textContent : '';");
    }

    @Test
    void theRoomSpeaksEnglishAfterTheLanguageSwitch() throws Exception {
        SteeringRoom room = room("operational");
        WebDriverWait wait = logIn("executive", "/rooms/" + room.id());
        wait.until(d -> sectionTitle().equals("Effets chez les intervenants"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].click()", browser.findElement(By.id("language-switch")));
        wait.until(d -> sectionTitle().equals("Practitioner effects"));
        assertThat(js("return document.getElementById('freshness').textContent")).startsWith("Data as of ");
        // Executives see the dashboard but may not add priority actions.
        assertThat(browser.findElements(By.id("action-add"))).isEmpty();
        ((JavascriptExecutor) browser).executeScript("arguments[0].click()", browser.findElement(By.id("language-switch")));
        wait.until(d -> sectionTitle().equals("Effets chez les intervenants"));
    }

    @Test
    void anAdminWidensTheCommitmentLevelAndTheStatusFollows() throws Exception {
        RoomFilters filters = new RoomFilters(ReportingPeriod.month(effects.lastCompleteMonth()));
        // A tile short of its target whose commitment, widened to 100 %, is met by any value.
        SteeringRoom room = null;
        String code = null;
        for (SteeringRoom candidate : rooms.findAll()) {
            var tile = dashboards.dashboard(candidate, filters).allTiles().stream()
                    .filter(t -> t.indicator().betterUp() && t.value() != null && t.value() >= 0 && t.target() != null
                            && t.status() != org.pilotage.analytics.status.Status.ON_TARGET)
                    .findFirst();
            if (tile.isPresent()) {
                room = candidate;
                code = tile.get().indicator().code();
                break;
            }
        }
        assertThat(code).as("a demo tile short of its target").isNotNull();
        SteeringRoom chosen = room;
        String indicator = code;

        WebDriverWait wait = logIn("admin", "/rooms/" + chosen.id() + "/indicators/" + indicator);
        WebElement gap = wait.until(d -> d.findElement(By.cssSelector("#commitment-gap input")));
        gap.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "100", org.openqa.selenium.Keys.TAB);
        ((JavascriptExecutor) browser).executeScript("arguments[0].click()", browser.findElement(By.id("commitment-save")));

        wait.until(d -> d.findElement(By.id("commitments")).getText().contains("100 % en deçà de la cible"));
        wait.until(d -> "commitment-met".equals(d.findElement(By.cssSelector(".tile-large")).getDomAttribute("data-status")));
        assertThat(audit.find("admin", "commitment-set", null, null, 20)).anySatisfy(e ->
                assertThat(e.target()).isEqualTo("indicator " + indicator));
        assertThat(dashboards.dashboard(chosen, filters).allTiles().stream().filter(t -> t.indicator().code().equals(indicator))
                .findFirst().orElseThrow().status()).isEqualTo(org.pilotage.analytics.status.Status.COMMITMENT_MET);
    }

    /** First bytes (comma-separated) and length of what a link of the page downloads, fetched with the page's session. */
    private String fetch(String selector) {
        return String.valueOf(((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const a = document.querySelector(arguments[0]);
                if (!a) { done('missing'); return; }
                fetch(a.href).then(r => r.arrayBuffer()).then(b => {
                  const u = new Uint8Array(b); done(Array.from(u.slice(0, 5)).join(',') + '|' + u.length); });""", selector));
    }

    @Test
    void anExecutiveDownloadsAChartPngAndTheRoomReportFromTheDashboard() throws Exception {
        SteeringRoom room = room("tactical");
        WebDriverWait wait = logIn("executive", "/rooms/" + room.id());
        WebElement menu = wait.until(d -> d.findElement(By.cssSelector(".download-menu-clientele")));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView(); arguments[0].opened = true", menu);
        WebElement png = wait.until(d -> d.findElement(By.cssSelector(".download-menu-clientele a.download-png")));
        assertThat(png.getDomAttribute("download")).isNotNull();
        String pngBytes = fetch(".download-menu-clientele a.download-png");
        assertThat(pngBytes).startsWith("137,80,78,71,13|"); // \x89PNG\r
        String report = fetch("#report-download");
        assertThat(report).startsWith("37,80,68,70,45|"); // %PDF-
        assertThat(Long.parseLong(report.substring(report.indexOf('|') + 1))).isGreaterThan(10_000);
        screenshot("room-downloads");
        assertThat(audit.recent(10)).filteredOn(e -> e.username().equals("executive") && e.action().equals("download"))
                .extracting(org.pilotage.analytics.audit.AuditLog.Event::target)
                .contains("room " + room.id() + " clientele.png", "room " + room.id() + " report.pdf");
    }

    @Autowired
    org.pilotage.analytics.audit.AuditLog audit;
}
