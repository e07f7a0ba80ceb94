package org.pilotage.ui.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.pilotage.analytics.access.Role;
import org.pilotage.analytics.rooms.SteeringRoom;
import org.pilotage.analytics.rooms.SteeringRoomRepository;
import org.pilotage.analytics.users.UserService;
import org.pilotage.ui.RunningPilotage;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** A user limited to one establishment gets nothing of another, on every path: lists, series, counts, rooms, snapshots, data. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScopeTest extends RunningPilotage {

    static final String NORD = "CISSS-DEMO-NORD";
    static final String SUD = "CIUSSS-DEMO-SUD";

    @Autowired
    UserService users;
    @Autowired
    SteeringRoomRepository rooms;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    void scopedUsers() {
        if (!users.exists("gest-nord")) {
            users.createInitial("gest-nord", "mot-de-passe-nord", "Gestionnaire du Nord", EnumSet.of(Role.MANAGER), Set.of(NORD));
            users.createInitial("dir-nord", "mot-de-passe-nord", "Dirigeante du Nord", EnumSet.of(Role.EXECUTIVE), Set.of(NORD));
            users.createInitial("int-nord", "mot-de-passe-nord", "Intendant du Nord", EnumSet.of(Role.STEWARD), Set.of(NORD));
            users.createInitial("gest-sud", "mot-de-passe-sud", "Gestionnaire du Sud", EnumSet.of(Role.MANAGER), Set.of(SUD));
        }
    }

    private long room(String establishment) {
        return rooms.findAll().stream().filter(r -> r.establishment().equals(establishment)).map(SteeringRoom::id).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    @Test
    void listsShowTheUsersEstablishmentsOnly() throws Exception {
        List<Map<String, Object>> establishments = json.readValue(get("/api/establishments", "gest-nord", "mot-de-passe-nord").body(), List.class);
        assertThat(establishments).extracting(e -> e.get("code")).containsExactly(NORD);
        List<Map<String, Object>> visible = json.readValue(get("/api/rooms", "gest-nord", "mot-de-passe-nord").body(), List.class);
        assertThat(visible).extracting(r -> ((Number) r.get("id")).longValue()).contains(room(NORD)).doesNotContain(room(SUD));
        List<Map<String, Object>> all = json.readValue(get("/api/establishments", "manager", "demo").body(), List.class);
        assertThat(all).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void anotherEstablishmentsSeriesCountsRoomsSnapshotsAndDataAreNotFound() throws Exception {
        String u = "gest-nord";
        String p = "mot-de-passe-nord";
        assertThat(get("/api/series?indicator=CLI-FAMILLES&establishment=" + SUD, u, p).statusCode()).isEqualTo(404);
        assertThat(get("/api/series?indicator=CLI-FAMILLES&establishment=" + NORD, u, p).statusCode()).isEqualTo(200);
        assertThat(get("/api/project-counts?establishment=" + SUD, u, p).statusCode()).isEqualTo(404);
        long sud = room(SUD);
        assertThat(get("/api/rooms/" + sud + "/charts", u, p).statusCode()).isEqualTo(404);
        for (String path : List.of("/charts/clientele.png", "/charts/clientele.svg", "/charts/clientele.pdf",
                "/charts/clientele/data.csv", "/charts/clientele/data.xlsx", "/charts/clientele/data.arrow", "/report.pdf")) {
            assertThat(get("/api/rooms/" + sud + path, "dir-nord", p).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(get("/api/rooms/" + room(NORD) + "/charts/clientele/data.csv", "dir-nord", p).statusCode()).isEqualTo(200);
    }

    @Test
    void withoutAnEstablishmentTheSeriesAddsUpTheUsersEstablishmentsOnly() throws Exception {
        String path = "/api/series?indicator=CLI-FAMILLES&from=2026-01&to=2026-03";
        String nordOnly = get(path + "&establishment=" + NORD, "manager", "demo").body();
        assertThat(get(path, "gest-nord", "mot-de-passe-nord").body()).isEqualTo(nordOnly);
        assertThat(get(path, "manager", "demo").body()).isNotEqualTo(nordOnly);
        String countsNord = get("/api/project-counts?from=2026-01&to=2026-02&establishment=" + NORD, "manager", "demo").body();
        assertThat(get("/api/project-counts?from=2026-01&to=2026-02", "gest-nord", "mot-de-passe-nord").body()).isEqualTo(countsNord);
    }

    @SuppressWarnings("unchecked")
    @Test
    void aStewardOfOneEstablishmentLoadsItsRowsOnlyAndSeesTheirOwnIngestions() throws Exception {
        StringBuilder rows = new StringBuilder("etablissement;direction;indicateur;periode;valeur\n");
        for (int m = 1; m <= 12; m++) {
            for (String d : List.of("DQEPE", "DSM", "DSP")) {
                rows.append(NORD).append(';').append(d).append(";CLI-FAMILLES;2019-").append(m < 10 ? "0" : "").append(m).append(";5\n");
            }
        }
        rows.append(SUD).append(";DSM;CLI-FAMILLES;2019-01;5\n"); // 1 of 37 rows: under the skip limit
        String csv = rows.toString();
        var posted = upload("int-nord", "mot-de-passe-nord", "portee.csv", csv.getBytes(StandardCharsets.UTF_8));
        Map<String, Object> ingestion = json.readValue(posted.body(), Map.class);
        assertThat(ingestion.get("status")).isEqualTo("COMPLETED");
        assertThat(ingestion.get("rowsWritten")).isEqualTo(36);
        assertThat(ingestion.get("rowsRejected")).isEqualTo(1);
        List<Map<String, Object>> mine = json.readValue(get("/api/ingestions", "int-nord", "mot-de-passe-nord").body(), List.class);
        assertThat(mine).extracting(i -> i.get("id")).containsExactly(ingestion.get("id"));
        assertThat(get("/api/ingestions/1", "int-nord", "mot-de-passe-nord").statusCode()).isEqualTo(404);
        assertThat(get("/api/ingestions/" + ingestion.get("id") + "/rejects.csv", "int-nord", "mot-de-passe-nord").body())
                .contains("établissement hors de votre portée");
    }

    @SuppressWarnings("unchecked")
    @Test
    void anotherEstablishmentsCascadeAndEscalationsAreNotFoundAndCannotBeMoved() throws Exception {
        long nord = room(NORD);
        long sud = room(SUD);
        assertThat(get("/api/rooms/" + sud + "/tree", "gest-nord", "mot-de-passe-nord").statusCode()).isEqualTo(404);
        assertThat(get("/api/rooms/" + sud + "/escalations", "gest-nord", "mot-de-passe-nord").statusCode()).isEqualTo(404);
        assertThat(get("/api/rooms/" + nord + "/tree", "gest-nord", "mot-de-passe-nord").statusCode()).isEqualTo(200);

        List<Map<String, Object>> received = json.readValue(get("/api/rooms/" + nord + "/escalations?direction=received", "gest-nord",
                "mot-de-passe-nord").body(), List.class);
        assertThat(received).isNotEmpty();
        String escalation = "/api/escalations/" + received.getFirst().get("id");
        assertThat(get(escalation, "gest-nord", "mot-de-passe-nord").statusCode()).isEqualTo(200);
        assertThat(get(escalation, "gest-sud", "mot-de-passe-sud").statusCode()).isEqualTo(404);
        assertThat(get("/api/rooms/" + nord + "/tree", "gest-sud", "mot-de-passe-sud").statusCode()).isEqualTo(404);
        var move = http.send(HttpRequest.newBuilder(URI.create(url(escalation + "/transitions")))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("gest-sud:mot-de-passe-sud".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"to\": \"RETURNED\", \"text\": \"Pas chez nous.\"}")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(move.statusCode()).isEqualTo(404);
        assertThat(get(escalation, "manager", "demo").body()).contains(received.getFirst().get("status").toString());
    }
}
