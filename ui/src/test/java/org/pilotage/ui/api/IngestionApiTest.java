package org.pilotage.ui.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.pilotage.ui.RunningPilotage;
import tools.jackson.databind.json.JsonMapper;

/** The ingestion endpoints of API.md, as a steward's script calls them. */
class IngestionApiTest extends RunningPilotage {

    final JsonMapper json = JsonMapper.builder().build();

    private HttpResponse<String> post(String path, String user, String fileName, byte[] content, String kind) throws Exception {
        String boundary = "----pilotage" + UUID.randomUUID();
        StringBuilder head = new StringBuilder();
        if (kind != null) {
            head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n").append(kind).append("\r\n");
        }
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                .append(fileName).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[start.length + content.length + end.length];
        System.arraycopy(start, 0, body, 0, start.length);
        System.arraycopy(content, 0, body, start.length, content.length);
        System.arraycopy(end, 0, body, start.length + content.length, end.length);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private Map<String, Object> body(HttpResponse<String> r) {
        return json.readValue(r.body(), Map.class);
    }

    private static byte[] measures(String establishment, int rows, String badLine) {
        StringBuilder sb = new StringBuilder("etablissement;direction;indicateur;periode;valeur;commentaire\n");
        for (int k = 0; k < rows; k++) {
            sb.append(establishment).append(";D").append(k).append(";CLI-FAMILLES;2026-01;").append(k).append(",5;\n");
        }
        if (badLine != null) {
            sb.append(badLine).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aStewardPostsAFileWaitsAndReadsTheIngestionBack() throws Exception {
        HttpResponse<String> r = post("/api/ingestions?wait=true", "steward", "mesures.csv",
                measures("API-E1", 40, "API-E1;DX;CLI-FAMILLES;2026-02;=1+1;"), null);

        assertThat(r.statusCode()).isEqualTo(200);
        Map<String, Object> i = body(r);
        assertThat(i).containsOnlyKeys("id", "kind", "fileName", "sha256", "status", "rowsRead", "rowsWritten", "rowsRejected",
                "message", "startedAt", "endedAt", "duplicateOf");
        assertThat(i.get("status")).isEqualTo("COMPLETED");
        assertThat(i.get("kind")).isEqualTo("indicator-measures");
        assertThat(i.get("rowsRead")).isEqualTo(41);
        assertThat(i.get("rowsWritten")).isEqualTo(40);
        assertThat(i.get("rowsRejected")).isEqualTo(1);
        long id = ((Number) i.get("id")).longValue();

        Map<String, Object> again = body(get("/api/ingestions/" + id, "steward", "demo"));
        assertThat(again.get("sha256")).isEqualTo(i.get("sha256"));
        List<Map<String, Object>> list = json.readValue(get("/api/ingestions", "admin", "demo").body(), List.class);
        assertThat(list.getFirst().get("id")).isEqualTo(i.get("id"));

        HttpResponse<String> rejects = get("/api/ingestions/" + id + "/rejects.csv", "steward", "demo");
        assertThat(rejects.statusCode()).isEqualTo(200);
        assertThat(rejects.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        assertThat(rejects.body()).startsWith("\uFEFFligne;colonne;valeur;motif;etablissement;direction;indicateur;periode;valeur;commentaire")
                .contains("42;valeur;'=1+1;nombre invalide;API-E1;DX;CLI-FAMILLES;2026-02;'=1+1;");
    }

    @Test
    void withoutWaitTheAnswerIs202AndTheSameContentAgainIsADuplicate() throws Exception {
        byte[] file = measures("API-E2", 10, null);
        HttpResponse<String> first = post("/api/ingestions", "admin", "a.csv", file, "indicator-measures");
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(first.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).startsWith("/api/ingestions/"));
        long id = ((Number) body(first).get("id")).longValue();
        for (int k = 0; k < 200 && !"COMPLETED".equals(body(get("/api/ingestions/" + id, "admin", "demo")).get("status")); k++) {
            Thread.sleep(100);
        }
        HttpResponse<String> second = post("/api/ingestions?wait=true", "steward", "b.csv", file, null);
        assertThat(body(second).get("status")).isEqualTo("DUPLICATE");
        assertThat(((Number) body(second).get("duplicateOf")).longValue()).isEqualTo(id);
        assertThat((String) body(second).get("message")).contains("n° " + id);
    }

    @Test
    void unreadableFilesFailWithOneSentenceAndUnsupportedOnesAre415() throws Exception {
        HttpResponse<String> missing = post("/api/ingestions?wait=true", "steward", "m.csv",
                "etablissement;direction;indicateur;valeur\nE;D;CLI-FAMILLES;1\n".getBytes(StandardCharsets.UTF_8), "indicator-measures");
        assertThat(body(missing).get("status")).isEqualTo("FAILED");
        assertThat(body(missing).get("message")).isEqualTo("Colonne obligatoire manquante : periode.");

        HttpResponse<String> pdf = post("/api/ingestions", "steward", "r.pdf", new byte[] {'%', 'P', 'D', 'F', 0, 1, 2, 3}, null);
        assertThat(pdf.statusCode()).isEqualTo(415);
        assertThat(body(pdf)).containsOnlyKeys("error");

        HttpResponse<String> kind = post("/api/ingestions", "steward", "x.csv", measures("E", 1, null), "nimporte-quoi");
        assertThat(kind.statusCode()).isEqualTo(400);
        assertThat((String) body(kind).get("error")).startsWith("Type de fichier inconnu");
    }

    @Test
    void onlyStewardsAndAdminsMayUseIngestion() throws Exception {
        assertThat(get("/api/ingestions", "manager", "demo").statusCode()).isEqualTo(403);
        assertThat(get("/api/ingestions", "executive", "demo").statusCode()).isEqualTo(403);
        assertThat(post("/api/ingestions", "manager", "x.csv", measures("E", 1, null), null).statusCode()).isEqualTo(403);
        assertThat(get("/api/ingestions", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/api/ingestions/999999", "steward", "demo").statusCode()).isEqualTo(404);
    }

    @Test
    void ingestionCountersAndDurationsAreExposedToPrometheusForAdmins() throws Exception {
        post("/api/ingestions?wait=true", "steward", "metriques.csv", measures("API-E3", 5, null), null);

        HttpResponse<String> metrics = get("/actuator/prometheus", "admin", "demo");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .containsPattern("pilotage_ingestions_total\\{kind=\"indicator-measures\",status=\"COMPLETED\"\\} [1-9]")
                .contains("pilotage_ingestion_duration_seconds_count")
                .containsPattern("pilotage_ingestion_rows_total\\{kind=\"indicator-measures\",outcome=\"written\"\\} [1-9]");
        assertThat(get("/actuator/prometheus", "manager", "demo").statusCode()).isEqualTo(403);
        assertThat(get("/actuator/prometheus", null, null).statusCode()).isEqualTo(401);
    }
}
