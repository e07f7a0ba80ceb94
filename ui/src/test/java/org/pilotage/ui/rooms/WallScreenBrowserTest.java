package org.pilotage.ui.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pilotage.analytics.dashboard.EffectDashboardService;
import org.pilotage.analytics.rooms.SteeringRoom;
import org.pilotage.analytics.rooms.SteeringRoomRepository;
import org.pilotage.ui.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The wall screen rotates its sections and redraws itself, pushed by the server, when an ingestion touching it completes. */
class WallScreenBrowserTest extends BrowserTest {

    @Autowired
    SteeringRoomRepository rooms;
    @Autowired
    EffectDashboardService effects;

    private String js(String script) {
        return String.valueOf(((JavascriptExecutor) browser).executeScript(script));
    }

    private String visibleSection() {
        return js("""
                const s = Array.from(document.querySelectorAll('.tv-section')).find(e => !e.classList.contains('tv-hidden'));
                return s ? s.id : '';""");
    }

    private String familiesValue() {
        return js("const e = document.querySelector(\".tile[data-indicator='CLI-FAMILLES'] .tile-value\"); return e ? e.textContent : '';");
    }

    @Test
    void theScreenRotatesAndRefreshesByItselfAfterAnIngestionOfItsEstablishment() throws Exception {
        SteeringRoom room = rooms.findAll().stream().filter(r -> r.level().code().equals("strategic")).findFirst().orElseThrow();
        WebDriverWait wait = logIn("manager", "/rooms/" + room.id() + "/tv?rotate=5");
        wait.until(d -> !familiesValue().isEmpty());
        String version = js("return document.getElementById('tv-refreshed').getAttribute('data-version')");
        String before = familiesValue();
        assertThat(js("return document.getElementById('tv-freshness').textContent")).startsWith("Données au ");
        String first = visibleSection();
        assertThat(first).startsWith("tv-section-");
        screenshot("wall-screen");

        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !visibleSection().equals(first));

        // A steward corrects the families reached for every direction of the room's establishment last month.
        StringBuilder csv = new StringBuilder("etablissement;direction;indicateur;periode;valeur\n");
        for (String direction : java.util.List.of("DQEPE", "DSM", "DSP", "DSI")) {
            csv.append(room.establishment()).append(';').append(direction).append(";CLI-FAMILLES;")
                    .append(effects.lastCompleteMonth()).append(";2500\n");
        }
        HttpResponse<String> posted = upload("steward", "demo", "correction.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(posted.body()).contains("\"status\":\"COMPLETED\"");

        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d ->
                !js("return document.getElementById('tv-refreshed').getAttribute('data-version')").equals(version));
        assertThat(familiesValue()).isNotEqualTo(before).isEqualTo("10\u00A0000");
    }
}
