package org.pilotage.ui.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.pilotage.ui.RunningPilotage;
import tools.jackson.databind.json.JsonMapper;

/** {@code /api/rooms}, its charts and snapshots, and {@code /api/project-counts}, as scripts call them. */
class RoomApiTest extends RunningPilotage {

    final JsonMapper json = JsonMapper.builder().build();

    private HttpResponse<byte[]> bytes(String path, String user) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> list(String path) throws Exception {
        return json.readValue(get(path, "manager", "demo").body(), List.class);
    }

    private long strategicRoom() throws Exception {
        return list("/api/rooms").stream().filter(r -> r.get("level").equals("strategic")).map(r -> ((Number) r.get("id")).longValue())
                .findFirst().orElseThrow();
    }

    @Test
    void roomsListTheirIdNameAndLevelAndTheirCharts() throws Exception {
        List<Map<String, Object>> rooms = list("/api/rooms");
        assertThat(rooms).extracting(r -> r.get("level")).contains("strategic", "tactical", "operational");
        assertThat(rooms.getFirst()).containsOnlyKeys("id", "name", "level", "parentId");

        List<Map<String, Object>> charts = list("/api/rooms/" + strategicRoom() + "/charts");
        assertThat(charts).extracting(c -> c.get("id"))
                .containsExactly("organisational", "practitioner", "clientele", "project-counts", "directions");
        assertThat(charts.getFirst()).containsEntry("title", "Effets organisationnels").containsEntry("level", "organisational");
    }

    @Test
    void aChartIsAPngAtTwiceItsSizeOrAnSvgWithItsTitle() throws Exception {
        long room = strategicRoom();
        HttpResponse<byte[]> png = bytes("/api/rooms/" + room + "/charts/project-counts.png?months=6&lang=en", "executive");
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
        assertThat(image.getWidth()).isEqualTo(2200);
        assertThat(image.getHeight()).isGreaterThan(880); // the chart and its provenance below it
        assertThat(png.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("attachment").contains("project-counts"));
        assertThat(png.headers().firstValue("X-Pilotage-Content-Hash")).hasValueSatisfying(v -> assertThat(v).hasSize(12));

        HttpResponse<byte[]> svg = bytes("/api/rooms/" + room + "/charts/clientele.svg", "admin");
        assertThat(svg.statusCode()).isEqualTo(200);
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        var doc = xml.newDocumentBuilder().parse(new ByteArrayInputStream(svg.body()));
        assertThat(doc.getDocumentElement().getNodeName()).isEqualTo("svg");
        assertThat(new String(svg.body(), StandardCharsets.UTF_8)).contains("Familles rejointes par les approches de proximité");
    }

    @Test
    void badParametersAre400UnknownRoomsAndCharts404AndStewards403() throws Exception {
        long room = strategicRoom();
        HttpResponse<String> months = get("/api/rooms/" + room + "/charts/clientele.png?months=0", "executive", "demo");
        assertThat(months.statusCode()).isEqualTo(400);
        assertThat(months.body()).contains("months");
        assertThat(get("/api/rooms/" + room + "/charts/clientele.png?period=2026-13", "executive", "demo").statusCode()).isEqualTo(400);
        assertThat(get("/api/rooms/" + room + "/charts/clientele.png?lang=de", "executive", "demo").statusCode()).isEqualTo(400);
        assertThat(get("/api/rooms/" + room + "/charts/clientele.png?kind=week", "executive", "demo").statusCode()).isEqualTo(400);
        assertThat(get("/api/rooms/" + room + "/report.pdf?period=20-01", "executive", "demo").statusCode()).isEqualTo(400);
        assertThat(get("/api/rooms/" + room + "/charts/nothing.png", "executive", "demo").statusCode()).isEqualTo(404);
        assertThat(get("/api/rooms/" + room + "/charts/clientele.gif", "executive", "demo").statusCode()).isEqualTo(404);
        assertThat(get("/api/rooms/" + room + "/charts/clientele/data.json", "executive", "demo").statusCode()).isEqualTo(404);
        // Managers see the dashboards but do not download (unless configured).
        HttpResponse<String> manager = get("/api/rooms/" + room + "/charts/clientele.png", "manager", "demo");
        assertThat(manager.statusCode()).isEqualTo(403);
        assertThat(manager.body()).contains("télécharger");
        assertThat(get("/api/rooms/" + room + "/report.pdf", "manager", "demo").statusCode()).isEqualTo(403);
        assertThat(get("/api/rooms/999999/charts", "manager", "demo").statusCode()).isEqualTo(404);
        assertThat(get("/api/rooms/abc/charts", "manager", "demo").statusCode()).isEqualTo(404);
        assertThat(get("/api/rooms", "steward", "demo").statusCode()).isEqualTo(403);
        assertThat(get("/api/rooms", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void projectCountsArePerMonthAndCategory() throws Exception {
        List<Map<String, Object>> counts = list("/api/project-counts?establishment=CISSS-DEMO-NORD&direction=DSM&from=2026-01&to=2026-03");
        assertThat(counts).hasSize(15);
        assertThat(counts.getFirst()).containsOnlyKeys("period", "category", "count").containsEntry("period", "2026-01");
        assertThat(get("/api/project-counts?establishment=NOPE", "manager", "demo").statusCode()).isEqualTo(404);
        assertThat(get("/api/project-counts?from=2026-05&to=2026-01", "manager", "demo").statusCode()).isEqualTo(400);
    }

    @Test
    void executivesDownloadEveryFormatTheReportAndTheDataAndEachDownloadIsRecorded() throws Exception {
        long room = strategicRoom();
        String base = "/api/rooms/" + room + "/charts/clientele";
        assertThat(new String(bytes(base + ".pdf?lang=en", "executive").body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        HttpResponse<byte[]> csv = bytes(base + "/data.csv", "executive");
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).startsWith("\uFEFFindicateur;libellé;unité;période;valeur;cible;chargement;fichier");
        assertThat(bytes(base + "/data.xlsx", "executive").body()).startsWith('P', 'K');
        assertThat(new String(bytes(base + "/data.arrow", "executive").body(), 0, 6, StandardCharsets.US_ASCII)).isEqualTo("ARROW1");
        HttpResponse<byte[]> report = bytes("/api/rooms/" + room + "/report.pdf?lang=fr", "executive");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(new String(report.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        // The same request answers the same bytes.
        assertThat(bytes("/api/rooms/" + room + "/report.pdf?lang=fr", "executive").body()).isEqualTo(report.body());

        List<org.pilotage.analytics.audit.AuditLog.Event> events = audit.recent(20);
        assertThat(events).filteredOn(e -> e.action().equals("download") && e.username().equals("executive"))
                .extracting(org.pilotage.analytics.audit.AuditLog.Event::target)
                .contains("room " + room + " report.pdf", "room " + room + " clientele.arrow", "room " + room + " clientele.csv");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.pilotage.analytics.audit.AuditLog audit;
}
