package org.pilotage.ui.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pilotage.analytics.access.Caller;
import org.pilotage.analytics.actions.ActionService;
import org.pilotage.analytics.meetings.MeetingService;
import org.pilotage.analytics.rooms.RoomService;
import org.pilotage.analytics.rooms.SteeringRoom;
import org.pilotage.ui.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A meeting in front of the board, in two browsers: the facilitator's page and the room's wall screen, which
 * follows each move through server push; a decision that creates an action; closing; the history and the minutes.
 * And a wall screen that never scrolls, at 1920×1080 and at 3840×2160: each rotation page, and a meeting's item.
 */
class MeetingBrowserTest extends BrowserTest {

    @Autowired
    RoomService rooms;
    @Autowired
    ActionService actions;
    @Autowired
    MeetingService meetings;

    static final Caller ADMIN = new Caller("admin", java.util.EnumSet.of(org.pilotage.analytics.access.Role.ADMIN), java.util.Set.of(), null);

    private SteeringRoom room(String name) {
        return rooms.all().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private static Object js(WebDriver in, String script, Object... args) {
        return ((JavascriptExecutor) in).executeScript(script, args);
    }

    private static String text(WebDriver in, String id) {
        return String.valueOf(js(in, "const e = document.getElementById(arguments[0]); return e ? e.textContent.trim() : '';", id));
    }

    private static void click(WebDriver in, String id) {
        js(in, "document.getElementById(arguments[0]).click()", id);
    }

    @Test
    void theFacilitatorRunsAMeetingTheWallScreenFollowsAndTheMinutesAreArchived() throws Exception {
        SteeringRoom room = room("Salle tactique — Nord, soins et services professionnels");
        WebDriverWait wait = logIn("admin", "/rooms/" + room.id());
        wait.until(d -> d.findElement(By.id("meetings-start")));
        // the room's members, set on its page
        js(browser, "document.getElementById('meetings-settings').opened = true");
        wait.until(d -> d.findElement(By.cssSelector("#member-name input")).isDisplayed());
        browser.findElement(By.cssSelector("#member-name input")).sendKeys("Nadia Fictive", Keys.TAB);
        browser.findElement(By.cssSelector("#member-role input")).sendKeys("Coordonnatrice", Keys.TAB);
        click(browser, "member-add");
        wait.until(d -> text(d, "meetings-members").contains("Nadia Fictive — Coordonnatrice"));
        click(browser, "meetings-start");
        wait.until(d -> d.getCurrentUrl().contains("/meetings/"));
        long meeting = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/meetings/(\\d+).*", "$1"));
        wait.until(d -> text(d, "meeting-attendance").contains("Nadia Fictive"));
        // two items of the facilitator's own at the end, so that the agenda has at least three
        for (String title : new String[] {"Tour de table", "Prochaine rencontre"}) {
            wait.until(d -> d.findElement(By.cssSelector("#meeting-add-title input"))).sendKeys(title, Keys.TAB);
            click(browser, "meeting-add");
            wait.until(d -> text(d, "meeting-agenda").contains(title));
        }

        ChromeDriver wall = newBrowser();
        try {
            WebDriverWait onWall = logIn(wall, "manager", "/rooms/" + room.id() + "/tv");
            onWall.until(d -> !text(d, "tv-meeting-current").isEmpty());
            String first = text(browser, "meeting-current");
            assertThat(text(wall, "tv-meeting-current")).isEqualTo(first);

            // two moves of the facilitator; the wall screen follows each
            for (int move = 1; move <= 2; move++) {
                String before = text(browser, "meeting-current");
                click(browser, "meeting-next");
                wait.until(d -> !text(d, "meeting-current").equals(before));
                String now = text(browser, "meeting-current");
                new WebDriverWait(wall, Duration.ofSeconds(15)).until(d -> text(d, "tv-meeting-current").equals(now));
            }
            assertThat(text(wall, "tv-meeting-clock")).contains(":");

            // a decision that creates a priority action of the room
            wait.until(d -> d.findElement(By.cssSelector("#decision-text textarea")))
                    .sendKeys("Confier la relance des partenaires à la coordination", Keys.TAB);
            js(browser, "document.getElementById('decision-action').click()");
            wait.until(d -> d.findElement(By.cssSelector("#decision-action-title input")).isDisplayed());
            browser.findElement(By.cssSelector("#decision-action-title input")).sendKeys("Relancer les partenaires", Keys.TAB);
            browser.findElement(By.cssSelector("#decision-action-owner input")).sendKeys("Coordination", Keys.TAB);
            click(browser, "decision-save");
            wait.until(d -> text(d, "meeting-decisions").contains("Confier la relance des partenaires"));
            assertThat(actions.forRoom(room)).anyMatch(a -> a.title().equals("Relancer les partenaires"));

            click(browser, "meeting-close");
            wait.until(d -> !text(d, "meeting-decided").isEmpty());
            // the wall screen goes back to its board
            new WebDriverWait(wall, Duration.ofSeconds(15)).until(d -> text(d, "tv-meeting-current").isEmpty()
                    && (Boolean) js(d, "return document.querySelectorAll('.tv-section').length > 0"));
        } finally {
            wall.quit();
        }

        // the room's history lists it, and its page offers the minutes
        browser.get(url("/rooms/" + room.id()));
        wait.until(d -> text(d, "meetings-history").length() > 0);
        assertThat(text(browser, "meetings-ritual")).matches(".*\\d+.*");
        js(browser, "document.querySelector('#meetings-history a').click()");
        wait.until(d -> d.getCurrentUrl().endsWith("/meetings/" + meeting) && !text(d, "meeting-decided").isEmpty());
        assertThat(text(browser, "meeting-decided")).contains("Confier la relance des partenaires à la coordination");
        assertThat(browser.findElements(By.id("meeting-minutes"))).hasSize(1);
        HttpResponse<byte[]> minutes = http.send(HttpRequest.newBuilder(URI.create(url("/api/meetings/" + meeting + "/minutes.pdf")))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("executive:demo".getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(minutes.statusCode()).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(minutes.body())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Compte rendu de rencontre", room.name(), "Tour de table",
                    "Confier la relance des partenaires à la coordination");
        }
    }

    @Test
    void aWallScreenNeverScrollsAt1920x1080NorAt3840x2160() throws Exception {
        SteeringRoom room = room("Salle stratégique — CISSS fictif du Nord");
        WebDriverWait wait = logIn("manager", "/rooms/" + room.id() + "/tv?rotate=600");
        wait.until(d -> (Boolean) js(d, "return document.querySelectorAll('.tv-section').length > 0"));
        for (Dimension size : new Dimension[] {new Dimension(1920, 1080), new Dimension(3840, 2160)}) {
            browser.manage().window().setSize(size);
            long sections = (Long) js(browser, "return document.querySelectorAll('.tv-section').length");
            for (int i = 0; i < sections; i++) {
                // each rotation page in turn, as the rotation shows it
                js(browser, "document.querySelectorAll('.tv-section').forEach((s, k) => s.classList.toggle('tv-hidden', k !== arguments[0]))", i);
                int page = i;
                wait.until(d -> (Boolean) js(d, """
                        const charts = Array.from(document.querySelectorAll('.tv-section:not(.tv-hidden) .tv-chart'));
                        return charts.every(c => c.complete && c.naturalHeight > 0);"""));
                String id = String.valueOf(js(browser, "return document.querySelectorAll('.tv-section')[arguments[0]].id", page));
                long viewport = (Long) js(browser, "return window.innerHeight");
                long scroll = (Long) js(browser, "return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)");
                assertThat(scroll).as(id + " at " + size + ": the page's height").isLessThanOrEqualTo(viewport);
                Number bottom = (Number) js(browser, """
                        let b = 0; document.querySelectorAll('.tv-section:not(.tv-hidden) *').forEach(e => {
                          const r = e.getBoundingClientRect(); if (r.height > 0) b = Math.max(b, r.bottom); }); return b;""");
                assertThat(bottom.doubleValue()).as(id + " at " + size + ": everything of the section on screen").isLessThanOrEqualTo(viewport + 0.5);
                Number chartHeight = (Number) js(browser, """
                        const c = document.querySelector('.tv-section:not(.tv-hidden) .tv-chart');
                        return c ? c.getBoundingClientRect().height : 1000;""");
                assertThat(chartHeight.doubleValue()).as(id + " at " + size + ": its chart is drawn, not squeezed away")
                        .isGreaterThan(viewport * 0.2);
            }
        }
        // and the item of a meeting under way, which the screen follows instead of rotating
        long meeting = meetings.start(ADMIN, room.id()).meeting().id();
        try {
            meetings.add(ADMIN, meeting, "Tour de table", null);
            wait.until(d -> !String.valueOf(js(d, "const e = document.getElementById('tv-meeting-current'); return e ? e.textContent : '';"))
                    .isEmpty());
            for (Dimension size : new Dimension[] {new Dimension(1920, 1080), new Dimension(3840, 2160)}) {
                browser.manage().window().setSize(size);
                screenshot("wall-screen-meeting-" + size.width + "x" + size.height);
                long viewport = (Long) js(browser, "return window.innerHeight");
                long scroll = (Long) js(browser, "return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)");
                assertThat(scroll).as("a meeting's item at " + size).isLessThanOrEqualTo(viewport);
                Number bottom = (Number) js(browser, """
                        let b = 0; document.querySelectorAll('#tv-meeting *').forEach(e => {
                          const r = e.getBoundingClientRect(); if (r.height > 0) b = Math.max(b, r.bottom); }); return b;""");
                assertThat(bottom.doubleValue()).as("a meeting's item at " + size + ": all of it on screen").isLessThanOrEqualTo(viewport + 0.5);
            }
        } finally {
            meetings.close(ADMIN, meeting);
        }
        screenshot("wall-screen-3840x2160");
    }
}
