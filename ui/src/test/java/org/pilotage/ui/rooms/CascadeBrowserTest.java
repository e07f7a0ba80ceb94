package org.pilotage.ui.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pilotage.analytics.access.Caller;
import org.pilotage.analytics.actions.ActionService;
import org.pilotage.analytics.escalations.Escalation;
import org.pilotage.analytics.escalations.EscalationService;
import org.pilotage.analytics.escalations.EscalationStatus;
import org.pilotage.analytics.rooms.RoomService;
import org.pilotage.analytics.rooms.SteeringRoom;
import org.pilotage.ui.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The management loop in Chromium: an operational manager escalates a red or amber indicator, the tactical
 * room takes it in charge as one of its priority actions and answers, and the answer comes back down to the
 * operational room's page and wall screen; an escalation past its answer date stands out.
 */
class CascadeBrowserTest extends BrowserTest {

    static final Caller MANAGER = new Caller("manager", Set.of(org.pilotage.analytics.access.Role.MANAGER), Set.of(), null);

    @Autowired
    RoomService rooms;
    @Autowired
    EscalationService escalations;
    @Autowired
    ActionService actions;

    private SteeringRoom room(String name) {
        return rooms.all().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private void click(WebElement e) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()", e);
    }

    /** What a grid shows: its cells' contents stay in the page's own tree. */
    private String gridText(String id) {
        return String.valueOf(((JavascriptExecutor) browser).executeScript(
                "const g = document.getElementById(arguments[0]); return g ? g.textContent : ''", id));
    }

    private String deepText() {
        return String.valueOf(((JavascriptExecutor) browser).executeScript(DEEP_TEXT));
    }

    @Test
    void anEscalatedIndicatorIsTakenInChargeAboveAndItsAnswerComesBackDown() throws Exception {
        SteeringRoom operational = room("Salle opérationnelle — Nord, DSM");
        SteeringRoom tactical = room("Salle tactique — Nord, qualité et santé mentale");
        assertThat(operational.parentId()).isEqualTo(tactical.id());
        Set<String> alreadyUp = escalations.sent(MANAGER, operational).stream()
                .filter(e -> e.status() != EscalationStatus.CLOSED && e.aboutIndicator()).map(Escalation::indicator).collect(Collectors.toSet());

        WebDriverWait wait = logIn("manager", "/rooms/" + operational.id());
        // Its place in the cascade: the path up to the strategic room.
        WebElement path = wait.until(d -> d.findElement(By.id("cascade-path")));
        assertThat(path.getText()).contains("Salle stratégique — CISSS fictif du Nord", tactical.name());

        wait.until(d -> !d.findElements(By.cssSelector(".tile")).isEmpty());
        List<WebElement> escalatable = browser.findElements(By.cssSelector(".tile")).stream()
                .filter(t -> !t.findElements(By.cssSelector(".tile-escalate")).isEmpty())
                .filter(t -> !alreadyUp.contains(t.getDomAttribute("data-indicator"))).toList();
        assertThat(escalatable).as("a red or amber tile of the room").isNotEmpty();
        WebElement tile = escalatable.getFirst();
        String indicator = tile.getDomAttribute("data-indicator");
        assertThat(tile.getDomAttribute("data-status")).isIn("below-commitment", "commitment-met");
        // Only red and amber tiles offer to escalate.
        assertThat(browser.findElements(By.cssSelector(".tile[data-status='on-target'] .tile-escalate"))).isEmpty();
        click(tile.findElement(By.cssSelector(".tile-escalate")));

        // The reason is required: sending without it says so and writes nothing.
        click(wait.until(d -> d.findElement(By.id("escalation-send"))));
        wait.until(d -> deepText().contains("le motif est obligatoire"));
        assertThat(escalations.sent(MANAGER, operational).stream().filter(e -> indicator.equals(e.indicator())
                && e.status() != EscalationStatus.CLOSED)).isEmpty();
        String reason = "Le comité des familles ne se réunit plus " + System.nanoTime();
        browser.findElement(By.cssSelector("#escalation-reason textarea")).sendKeys(reason, Keys.TAB);
        browser.findElement(By.cssSelector("#escalation-ask textarea")).sendKeys("Un appui de la coordination qualité.", Keys.TAB);
        click(browser.findElement(By.id("escalation-send")));
        Escalation sent = wait.until(d -> escalations.sent(MANAGER, operational).stream().filter(e -> reason.equals(e.reason())).findFirst()
                .orElse(null));
        assertThat(sent.indicator()).isEqualTo(indicator);
        assertThat(sent.toRoom()).isEqualTo(tactical.id());
        assertThat(sent.figures()).isNotNull();
        wait.until(d -> d.findElements(By.id("escalation-send")).isEmpty()); // the dialog closed
        wait.until(d -> gridText("escalations-sent").contains(reason));
        // Its tile now says it went up, and no longer offers to send it again.
        WebElement sentTile = browser.findElement(By.cssSelector(".tile[data-indicator='" + indicator + "']"));
        assertThat(sentTile.findElement(By.cssSelector(".tile-escalated")).getText()).isEqualTo("↑ Escalade : ouverte");
        assertThat(sentTile.findElements(By.cssSelector(".tile-escalate"))).isEmpty();

        // The tactical room received it, with the sending room, and takes it in charge as one of its priority actions.
        browser.get(url("/rooms/" + tactical.id()));
        WebElement take = wait.until(d -> d.findElement(By.cssSelector("#escalations-received [data-escalation='" + sent.id() + "'] .escalation-taken-in-charge")));
        assertThat(gridText("escalations-received")).contains(reason, operational.name());
        // The indicator links to its drill-down in the room that sent it, for the month it was sent about.
        assertThat(browser.findElements(By.cssSelector("#escalations-received a.escalation-subject-link")).stream()
                .map(a -> a.getDomAttribute("href")).toList())
                .anySatisfy(href -> assertThat(href).contains("rooms/" + operational.id() + "/indicators/" + indicator).contains("period=" + sent.period()));
        click(take);
        WebElement title = wait.until(d -> d.findElement(By.cssSelector("#take-title input")));
        assertThat(title.getDomProperty("value")).isEqualTo("Un appui de la coordination qualité.");
        String actionTitle = "Relancer le comité des familles " + System.nanoTime();
        title.sendKeys(Keys.chord(Keys.CONTROL, "a"), actionTitle, Keys.TAB);
        browser.findElement(By.cssSelector("#take-owner input")).sendKeys(Keys.chord(Keys.CONTROL, "a"), "Coordination qualité", Keys.TAB);
        click(browser.findElement(By.id("escalation-move-ok")));
        wait.until(d -> escalations.require(MANAGER, sent.id()).status() == EscalationStatus.TAKEN_IN_CHARGE);
        wait.until(d -> d.findElements(By.id("escalation-move-ok")).isEmpty()); // the dialog closed
        Long taken = escalations.require(MANAGER, sent.id()).takenActionId();
        assertThat(actions.forRoom(tactical)).filteredOn(a -> a.id() == taken).singleElement()
                .satisfies(a -> assertThat(a.title()).isEqualTo(actionTitle));
        wait.until(d -> deepText().contains(actionTitle)); // in the room's priority actions
        // which says which escalation it takes in charge, and from which room
        wait.until(d -> d.findElements(By.cssSelector("#actions .action-taken-from")).stream()
                .anyMatch(m -> ("↓ Prend en charge l'escalade n° " + sent.id() + " de " + operational.name())
                        .equals(m.getDomProperty("textContent"))));

        // And answers with a decision.
        click(wait.until(d -> d.findElement(By.cssSelector("#escalations-received [data-escalation='" + sent.id() + "'] .escalation-answered"))));
        String answer = "Décision : la coordination qualité anime le prochain comité " + System.nanoTime();
        wait.until(d -> d.findElement(By.cssSelector("#escalation-text textarea"))).sendKeys(answer, Keys.TAB);
        click(browser.findElement(By.id("escalation-move-ok")));
        wait.until(d -> escalations.require(MANAGER, sent.id()).status() == EscalationStatus.ANSWERED);

        // The answer comes back down: on the operational room's page, to be closed there, and on its wall screen.
        browser.get(url("/rooms/" + operational.id()));
        wait.until(d -> gridText("escalations-sent").contains(answer));
        assertThat(gridText("escalations-sent")).contains("répondue");
        assertThat(browser.findElements(By.cssSelector("#escalations-sent [data-escalation='" + sent.id() + "'] .escalation-closed"))).hasSize(1);
        screenshot("escalation-answered");
        browser.get(url("/rooms/" + operational.id() + "/tv"));
        wait.until(d -> String.valueOf(((JavascriptExecutor) d).executeScript(
                "return Array.from(document.querySelectorAll('#tv-section-escalations .tv-escalation')).map(e => e.textContent).join('\\n')"))
                .contains(answer));

        // The thread, readable from either room, says who did what and when.
        assertThat(escalations.thread(MANAGER, sent.id())).extracting(s -> s.to())
                .containsExactly(EscalationStatus.OPEN, EscalationStatus.TAKEN_IN_CHARGE, EscalationStatus.ANSWERED);
    }

    @Test
    void anEscalationPastItsAnswerDateStandsOutInBothRoomsAndTheStrategicRoomShowsItsWholeTree() throws Exception {
        SteeringRoom strategic = room("Salle stratégique — CISSS fictif du Nord");
        SteeringRoom tactical = room("Salle tactique — Nord, soins et services professionnels");
        Escalation late = escalations.received(MANAGER, strategic).stream().filter(e -> e.overdue(escalations.today())).findFirst().orElseThrow();
        assertThat(late.fromRoom()).isEqualTo(tactical.id());

        WebDriverWait wait = logIn("manager", "/rooms/" + strategic.id());
        // The whole tree below: two tactical rooms and three operational rooms, each with its status counts.
        wait.until(d -> d.findElements(By.cssSelector("#section-cascade .cascade-room")).size() == 5);
        assertThat(browser.findElements(By.cssSelector("#section-cascade .cascade-room.room-level-operational"))).hasSize(3);
        WebElement line = browser.findElement(By.cssSelector("#section-cascade .cascade-room[data-room='" + tactical.id() + "']"));
        assertThat(line.findElements(By.cssSelector(".cascade-count"))).hasSize(5);
        assertThat(line.findElement(By.cssSelector(".cascade-escalations")).getDomAttribute("data-count")).isNotEqualTo("0");

        for (String grid : List.of("escalations-received", "escalations-sent")) {
            if (grid.equals("escalations-sent")) {
                browser.get(url("/rooms/" + tactical.id()));
            }
            wait.until(d -> !d.findElements(By.cssSelector("#" + grid + " [data-escalation='" + late.id() + "']")).isEmpty());
            WebElement g = browser.findElement(By.id(grid));
            assertThat(gridText(grid)).contains("⚠", "en retard");
            Object marked = ((JavascriptExecutor) browser).executeScript(
                    "return arguments[0].shadowRoot.querySelectorAll('[part~=\"escalation-overdue\"]').length", g);
            assertThat(((Number) marked).intValue()).as("overdue cells of " + grid).isGreaterThan(0);
            Object colour = ((JavascriptExecutor) browser).executeScript(
                    "const c = arguments[0].shadowRoot.querySelector('[part~=\"escalation-overdue\"]'); return getComputedStyle(c).backgroundColor", g);
            assertThat(String.valueOf(colour)).as("overdue rows are tinted").isNotIn("rgba(0, 0, 0, 0)", "transparent", "rgb(255, 255, 255)");
        }
        screenshot("escalation-overdue");

        // The drill-down of an indicator in a parent room compares it across its child rooms' scopes.
        browser.get(url("/rooms/" + strategic.id() + "/indicators/" + strategic.indicators().getFirst()));
        wait.until(d -> !d.findElements(By.cssSelector("#indicator-child-rooms img.chart-indicator-child-rooms")).isEmpty());
        String svg = wait.until(d -> {
            String text = String.valueOf(((JavascriptExecutor) d).executeScript("""
                    const img = document.querySelector('img.chart-indicator-child-rooms');
                    const r = new XMLHttpRequest(); r.open('GET', img.src, false); r.send(); return r.responseText;"""));
            return text.contains("<svg") ? text : null;
        });
        for (SteeringRoom child : rooms.children(strategic)) {
            assertThat(svg).as("the chart names " + child.name()).contains(child.name().substring(child.name().indexOf('—') + 2, child.name().indexOf('—') + 12));
        }

        browser.get(url("/rooms/" + strategic.id() + "/tv"));
        wait.until(d -> !d.findElements(By.cssSelector("#tv-section-escalations .tv-escalation-overdue")).isEmpty());
    }
}
