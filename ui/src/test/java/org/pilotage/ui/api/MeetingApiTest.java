package org.pilotage.ui.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.pilotage.analytics.access.Caller;
import org.pilotage.analytics.access.Role;
import org.pilotage.analytics.meetings.MeetingService;
import org.pilotage.analytics.rooms.RoomService;
import org.pilotage.analytics.rooms.SteeringRoom;
import org.pilotage.ui.RunningPilotage;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** A steering-room meeting run by a script through {@code /api/rooms/{id}/meetings} and {@code /api/meetings/…}, then its archive. */
class MeetingApiTest extends RunningPilotage {

    final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    RoomService rooms;
    @Autowired
    MeetingService meetings;

    static final Caller EXECUTIVE = new Caller("executive", EnumSet.of(Role.EXECUTIVE), Set.of(), null);

    private SteeringRoom dsi() {
        return rooms.all().stream().filter(r -> r.name().equals("Salle opérationnelle — Nord, DSI")).findFirst().orElseThrow();
    }

    private HttpResponse<String> send(String method, String path, String user, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> bytes(String path, String user) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(HttpResponse<String> r) {
        return json.readValue(r.body(), Map.class);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> list(HttpResponse<String> r) {
        return json.readValue(r.body(), List.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aScriptRunsAMeetingFromItsCadenceToItsArchiveAndEveryRefusalIsOneSentence() throws Exception {
        long room = dsi().id();
        String base = "/api/rooms/" + room;
        HttpResponse<String> cadence = send("PUT", base + "/cadence", "manager",
                "{\"frequency\":\"hebdomadaire\",\"firstDate\":\"2026-12-08\",\"startTime\":\"09:30\",\"minutes\":20}");
        assertThat(cadence.statusCode()).as(cadence.body()).isEqualTo(200);
        assertThat(map(cadence)).containsEntry("frequency", "WEEKLY").containsKey("nextMeeting");
        assertThat(send("PUT", base + "/cadence", "manager", "{\"frequency\":\"quotidienne\",\"firstDate\":\"2026-12-08\","
                + "\"startTime\":\"09:30\",\"minutes\":20}").body()).contains("\"error\"", "quotidienne");
        long lina = ((Number) map(send("POST", base + "/members", "manager", "{\"name\":\"Lina Fictive\",\"role\":\"Cheffe\"}")).get("id"))
                .longValue();
        send("POST", base + "/members", "manager", "{\"name\":\"Marc Fictif\"}");

        HttpResponse<String> started = send("POST", base + "/meetings", "manager", null);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        long meeting = ((Number) map(started).get("id")).longValue();
        String path = "/api/meetings/" + meeting;
        assertThat(send("POST", base + "/meetings", "manager", null).statusCode()).as("a second meeting while one is open").isEqualTo(409);
        assertThat(send("POST", base + "/meetings", "executive", null).statusCode()).isEqualTo(403);

        Map<String, Object> withItem = map(send("POST", path + "/items", "manager", "{\"title\":\"Tour de table\"}"));
        List<Map<String, Object>> items = (List<Map<String, Object>>) withItem.get("items");
        long item = ((Number) items.getLast().get("id")).longValue();
        assertThat(items.getLast()).containsEntry("kind", "OTHER").containsEntry("title", "Tour de table");
        assertThat(send("PUT", path + "/attendance/" + lina, "manager", "{\"presence\":\"present\"}").statusCode()).isEqualTo(200);
        assertThat(send("PUT", path + "/attendance/" + lina, "manager", "{\"presence\":\"peut-être\"}").statusCode()).isEqualTo(400);
        send("PUT", path + "/roles", "manager", "{\"facilitator\":\"Lina Fictive\",\"secretary\":\"Marc Fictif\"}");
        assertThat(send("PUT", path + "/current", "manager", "{\"position\":" + (items.size() - 1) + "}").statusCode()).isEqualTo(200);
        HttpResponse<String> decided = send("POST", path + "/decisions", "manager", "{\"itemId\":" + item + ",\"text\":\"Confier la relance "
                + "à Lina\",\"action\":{\"title\":\"Relancer les partenaires\",\"owner\":\"Lina Fictive\",\"dueDate\":\"2027-01-15\"}}");
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(201);
        assertThat(map(decided).get("actionId")).isNotNull();

        Map<String, Object> open = map(send("GET", path, "executive", null));
        assertThat(open).containsEntry("status", "OPEN");
        assertThat((Map<String, Object>) open.get("clock")).containsEntry("position", items.size() - 1);
        assertThat((Map<String, Object>) open.get("roles")).containsEntry("facilitator", "Lina Fictive");
        assertThat(bytes(path + "/minutes.pdf", "executive").statusCode()).as("nothing archived while open").isEqualTo(409);

        assertThat(map(send("POST", path + "/close", "manager", null))).containsEntry("status", "CLOSED");
        HttpResponse<String> again = send("POST", path + "/close", "manager", null);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(map(again).get("error").toString()).contains("close");
        assertThat(send("POST", path + "/decisions", "manager", "{\"itemId\":" + item + ",\"text\":\"Après coup\"}").statusCode())
                .isEqualTo(409);

        Map<String, Object> last = list(send("GET", base + "/meetings", "executive", null)).getFirst();
        assertThat(last).containsEntry("id", (int) meeting).containsEntry("status", "CLOSED").containsEntry("present", 1)
                .containsEntry("decisions", 1).containsKey("endedAt");
        assertThat(((Number) last.get("members")).intValue()).isGreaterThanOrEqualTo(2);

        assertThat(bytes(path + "/minutes.pdf", "manager").statusCode()).as("downloads are for executives").isEqualTo(403);
        HttpResponse<byte[]> minutes = bytes(path + "/minutes.pdf", "executive");
        assertThat(minutes.statusCode()).isEqualTo(200);
        assertThat(minutes.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        try (PDDocument doc = Loader.loadPDF(minutes.body())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Compte rendu de rencontre", "Salle opérationnelle — Nord, DSI",
                    "Lina Fictive (Cheffe) — présent", "Confier la relance à Lina", "Tour de table");
        }
        HttpResponse<byte[]> english = bytes(path + "/minutes.pdf?lang=en", "executive");
        try (PDDocument doc = Loader.loadPDF(english.body())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Meeting minutes", "Decision:");
        }
        assertThat(bytes(path + "/board.pdf", "executive").body()).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
        Map<String, Object> board = json.readValue(new String(bytes(path + "/board.json", "executive").body(), StandardCharsets.UTF_8),
                Map.class);
        assertThat(board).containsEntry("roomId", (int) room).containsKey("tiles");

        // a correction file changes a value the board showed: the archived board keeps it, today's board has the new one
        Map<String, Object> tile = ((List<Map<String, Object>>) board.get("tiles")).getFirst();
        String indicator = (String) tile.get("indicator");
        SteeringRoom dsi = dsi();
        String csv = "etablissement;direction;indicateur;periode;valeur\n" + dsi.establishment() + ";" + dsi.directions().getFirst() + ";"
                + indicator + ";" + map(send("GET", path, "executive", null)).get("period") + ";4321\n";
        HttpResponse<String> corrected = upload("steward", "demo", "correction.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(corrected.body()).contains("COMPLETED");
        Map<String, Object> asItWas = json.readValue(new String(bytes(path + "/board.json", "executive").body(), StandardCharsets.UTF_8),
                Map.class);
        assertThat(((List<Map<String, Object>>) asItWas.get("tiles")).getFirst()).isEqualTo(tile);
        Map<String, Object> today = json.readValue(meetings.boardToday(EXECUTIVE, meeting), Map.class);
        assertThat(((List<Map<String, Object>>) today.get("tiles")).stream().filter(t -> indicator.equals(t.get("indicator"))).findFirst()
                .orElseThrow().get("value")).isNotEqualTo(tile.get("value"));

        Map<String, Object> verify = map(send("GET", base + "/archive/verify", "executive", null));
        assertThat(verify).containsEntry("ok", true).containsEntry("firstBroken", null);
        assertThat(((Number) verify.get("checked")).intValue()).isGreaterThanOrEqualTo(1);
        assertThat(send("GET", "/api/meetings/999999", "executive", null).statusCode()).isEqualTo(404);
        Map<String, Object> ritual = map(send("GET", base + "/ritual", "executive", null));
        assertThat(((Number) ritual.get("held")).intValue()).isGreaterThanOrEqualTo(1);
        assertThat(ritual).containsKeys("expected", "attendance", "actionsOnTime", "medianAnswerDays");
    }
}
