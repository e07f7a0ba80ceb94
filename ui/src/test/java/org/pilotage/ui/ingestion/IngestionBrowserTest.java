package org.pilotage.ui.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pilotage.ui.BrowserTest;

/** A steward uploads a file, sees the preview, launches, follows the progress, finds it in the history and downloads the reject report. */
class IngestionBrowserTest extends BrowserTest {

    /** Records every text the progress area shows, so that a fast load's progress is still seen. */
    static final String WATCH_PROGRESS = """
            window.__progress = [];
            const area = document.getElementById('running');
            const seen = n => { if (n.nodeType !== 1) n = n.parentElement; if (!n) return;
              (n.matches('.ingestion-progress-text') ? [n] : n.querySelectorAll('.ingestion-progress-text'))
                .forEach(e => window.__progress.push(e.textContent)); };
            new MutationObserver(records => records.forEach(r => { seen(r.target); r.addedNodes.forEach(seen); }))
              .observe(area, {subtree: true, childList: true, characterData: true});""";

    @Test
    void aStewardUploadsFollowsTheProgressAndDownloadsTheRejectReport() throws Exception {
        Path file = Files.createTempFile("mesures-navigateur-", ".csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("etablissement;direction;projet;indicateur;periode;valeur;cible;commentaire\n");
            for (int k = 0; k < 300_000; k++) {
                out.write("NAV-E" + (k % 7) + ";D" + (k % 97) + ";P-" + k + ";CLI-FAMILLES;2025-" + String.format("%02d", 1 + k % 12)
                        + ";" + (k % 1000) + ",5;150;\n");
            }
            out.write("NAV-E1;D1;;CLI-FAMILLES;2025-02-30;3;;\n");
        }
        WebDriverWait wait = logIn("steward", "/ingestion");
        wait.until(d -> d.findElement(By.id("upload")));
        WebElement input = browser.findElement(By.id("upload")).getShadowRoot().findElement(By.cssSelector("input[type=file]"));
        input.sendKeys(file.toString());

        WebElement preview = wait.until(d -> d.findElement(By.cssSelector(".ingestion-preview")));
        String previewText = (String) ((JavascriptExecutor) browser).executeScript(DEEP_TEXT);
        assertThat(preview.getText()).contains("Format : CSV", "type : Mesures d'indicateurs", "encodage : UTF-8", "séparateur : ;");
        assertThat(previewText).contains("etablissement → establishment", "NAV-E0");
        screenshot("ingestion-preview");

        ((JavascriptExecutor) browser).executeScript(WATCH_PROGRESS);
        preview.findElement(By.cssSelector(".ingestion-launch")).click();

        wait.withTimeout(java.time.Duration.ofSeconds(120))
                .until(d -> !d.findElements(By.cssSelector("#running .ingestion-progress.ended")).isEmpty());
        wait.until(d -> ((String) ((JavascriptExecutor) d).executeScript("return document.getElementById('history').innerText;"))
                .contains(file.getFileName().toString()));
        @SuppressWarnings("unchecked")
        List<String> progress = (List<String>) ((JavascriptExecutor) browser).executeScript("return window.__progress;");
        assertThat(progress).isNotEmpty().anySatisfy(t -> assertThat(t).contains("lignes lues", "lignes/s"));
        assertThat(browser.findElement(By.cssSelector("#running .ingestion-progress.ended")).getText())
                .contains("Terminé").containsPattern("300.000 lignes chargées, 1 rejetée \\(");
        screenshot("ingestion-history");

        String history = (String) ((JavascriptExecutor) browser).executeScript("return document.getElementById('history').innerText;");
        assertThat(history).contains(file.getFileName().toString(), "300\u00A0001", "300\u00A0000", "✔ Terminé");

        WebElement link = browser.findElement(By.cssSelector("#history a.rejects-link"));
        @SuppressWarnings("unchecked")
        List<Object> download = (List<Object>) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => { const u = new Uint8Array(b);
                  done([u[0], u[1], u[2], new TextDecoder().decode(u)]); });""", link.getDomAttribute("href"));
        assertThat(download.subList(0, 3)).as("UTF-8 byte-order mark for Excel").containsExactly(0xEFL, 0xBBL, 0xBFL);
        String report = (String) download.get(3);
        assertThat(report).startsWith("ligne;colonne;valeur;motif;etablissement")
                .contains("300002;periode;2025-02-30;ce mois ou cette date n'existe pas;NAV-E1;D1;");
        Files.deleteIfExists(file);
    }
}
