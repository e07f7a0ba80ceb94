package org.pilotage.ui.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.pilotage.analytics.access.Caller;
import org.pilotage.analytics.access.Role;
import org.pilotage.analytics.actions.ActionRepository.ActionDraft;
import org.pilotage.analytics.actions.ActionService;
import org.pilotage.analytics.actions.ActionStatus;
import org.pilotage.analytics.dashboard.IndicatorTile;
import org.pilotage.analytics.dashboard.RoomDashboardService;
import org.pilotage.analytics.rooms.ReportingPeriod;
import org.pilotage.analytics.rooms.RoomFilters;
import org.pilotage.analytics.rooms.RoomService;
import org.pilotage.analytics.rooms.SteeringRoom;
import org.pilotage.analytics.status.Status;
import org.pilotage.ui.RunningPilotage;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** {@code /api/rooms/{id}/tree}, {@code /api/rooms/{id}/escalations} and {@code /api/escalations/…} as scripts call them. */
class EscalationApiTest extends RunningPilotage {

    static final Caller ADMIN = new Caller("admin", EnumSet.of(Role.ADMIN), Set.of(), null);

    final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    RoomService rooms;
    @Autowired
    ActionService actions;
    @Autowired
    RoomDashboardService dashboards;

    @Autowired
    java.time.Clock clock;

    /** Today as the service counts days: in the network's time zone. */
    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private SteeringRoom room(String name) {
        return rooms.all().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private SteeringRoom strategicNord() {
        return room("Salle stratégique — CISSS fictif du Nord");
    }

    private SteeringRoom soins() {
        return room("Salle tactique — Nord, soins et services professionnels");
    }

    private SteeringRoom dsi() {
        return room("Salle opérationnelle — Nord, DSI");
    }

    private HttpResponse<String> post(String path, String user, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(HttpResponse<String> r) {
        return json.readValue(r.body(), Map.class);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> list(String path) throws Exception {
        HttpResponse<String> r = get(path, "manager", "demo");
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return json.readValue(r.body(), List.class);
    }

    private static long id(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).longValue();
    }

    private String newAction(SteeringRoom room, String title) {
        long id = actions.add(ADMIN, room, new ActionDraft(title, "Équipe", today().plusDays(20), ActionStatus.IN_PROGRESS, null));
        return String.valueOf(id);
    }

    @Test
    void roomsCarryTheirParentAndTheTreeGivesEveryRoomBelowWithCountsThatAgreeWithTheLists() throws Exception {
        List<Map<String, Object>> all = list("/api/rooms");
        assertThat(all).allSatisfy(r -> assertThat(r).containsOnlyKeys("id", "name", "level", "parentId"));
        long strategic = strategicNord().id();
        assertThat(all).filteredOn(r -> r.get("parentId") != null && id(r, "parentId") == strategic)
                .extracting(r -> r.get("level")).containsOnly("tactical").hasSize(2);

        List<Map<String, Object>> tree = list("/api/rooms/" + strategic + "/tree");
        assertThat(tree).hasSize(5);
        assertThat(tree).extracting(r -> r.get("level")).containsExactlyInAnyOrder("tactical", "tactical", "operational", "operational", "operational");
        List<Long> seen = new ArrayList<>(List.of(strategic));
        for (Map<String, Object> node : tree) {
            assertThat(node).containsOnlyKeys("id", "name", "level", "parentId", "red", "amber", "green", "lateActions", "openEscalations");
            // Depth first: a room's parent comes before it.
            assertThat(seen).as("parent of " + node.get("name")).contains(id(node, "parentId"));
            seen.add(id(node, "id"));
            SteeringRoom room = rooms.all().stream().filter(r -> r.id() == id(node, "id")).findFirst().orElseThrow();
            int coloured = ((Number) node.get("red")).intValue() + ((Number) node.get("amber")).intValue() + ((Number) node.get("green")).intValue();
            assertThat(coloured).isBetween(1, room.indicators().size());
            long open = list("/api/rooms/" + room.id() + "/escalations").stream().filter(e -> !"CLOSED".equals(e.get("status"))).count();
            assertThat(((Number) node.get("openEscalations")).longValue()).as("open escalations of " + room.name()).isEqualTo(open);
        }
        // An operational room has no room below; another establishment's room is not found.
        assertThat(list("/api/rooms/" + dsi().id() + "/tree")).isEmpty();
        assertThat(get("/api/rooms/999999/tree", "manager", "demo").statusCode()).isEqualTo(404);
    }

    @SuppressWarnings("unchecked")
    @Test
    void anActionGoesUpIsTakenInChargeAnsweredAndClosedAndItsThreadSaysWhoDidWhatWhen() throws Exception {
        SteeringRoom dsi = dsi();
        String action = newAction(dsi, "Obtenir un local pour les rencontres de familles");
        String body = "{\"actionId\": " + action + ", \"reason\": \"Aucun local n'est libre le soir.\", \"ask\": \"Un local de la direction.\"}";

        HttpResponse<String> sent = post("/api/rooms/" + dsi.id() + "/escalations", "manager", body);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        Map<String, Object> e = map(sent);
        long id = id(e, "id");
        assertThat(sent.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).endsWith("/api/escalations/" + id));
        assertThat(e).containsEntry("status", "OPEN").containsEntry("fromRoomId", (int) dsi.id()).containsEntry("createdBy", "manager")
                .containsEntry("answerBy", today().plusDays(7).toString());
        assertThat(id(e, "toRoomId")).isEqualTo(soins().id());
        assertThat((Map<String, Object>) e.get("subject")).containsEntry("actionId", Integer.valueOf(action));
        assertThat(list("/api/rooms/" + soins().id() + "/escalations?direction=received")).extracting(x -> id(x, "id")).contains(id);
        assertThat(list("/api/rooms/" + dsi.id() + "/escalations?direction=sent")).extracting(x -> id(x, "id")).contains(id);

        // The same open item twice: 409, and nothing written.
        HttpResponse<String> twice = post("/api/rooms/" + dsi.id() + "/escalations", "manager", body);
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(map(twice).get("error").toString()).contains(String.valueOf(id));
        assertThat(list("/api/rooms/" + dsi.id() + "/escalations?direction=sent"))
                .filteredOn(x -> action.equals(String.valueOf(((Map<String, Object>) x.get("subject")).get("actionId")))).hasSize(1);

        String t = "/api/escalations/" + id + "/transitions";
        HttpResponse<String> taken = post(t, "manager", "{\"to\": \"TAKEN_IN_CHARGE\", \"text\": \"La direction s'en occupe.\", "
                + "\"actionTitle\": \"Réserver un local du siège\", \"actionOwner\": \"Coordination des soins\", \"actionDue\": \""
                + today().plusDays(12) + "\"}");
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
        long parentAction = id(map(taken), "takenActionId");
        assertThat(actions.forRoom(soins())).filteredOn(a -> a.id() == parentAction)
                .singleElement().satisfies(a -> {
                    assertThat(a.title()).isEqualTo("Réserver un local du siège");
                    assertThat(a.owner()).isEqualTo("Coordination des soins");
                });

        HttpResponse<String> mute = post(t, "manager", "{\"to\": \"ANSWERED\"}");
        assertThat(mute.statusCode()).isEqualTo(400);
        assertThat(map(mute).get("error").toString()).isNotBlank();
        assertThat(post(t, "manager", "{\"to\": \"ANSWERED\", \"text\": \"Le local B-12 est à vous le mardi soir.\"}").statusCode()).isEqualTo(200);
        // Answered: only the child room's closing or opening again may follow.
        HttpResponse<String> again = post(t, "manager", "{\"to\": \"TAKEN_IN_CHARGE\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(map(again).get("error").toString()).containsIgnoringCase("répondu");
        assertThat(post(t, "manager", "{\"to\": \"MAYBE\"}").statusCode()).isEqualTo(400);
        assertThat(post(t, "executive", "{\"to\": \"CLOSED\"}").statusCode()).isEqualTo(403);
        assertThat(post(t, "manager", "{\"to\": \"CLOSED\", \"text\": \"Merci.\"}").statusCode()).isEqualTo(200);

        Map<String, Object> done = map(get("/api/escalations/" + id, "executive", "demo"));
        assertThat(done).containsEntry("status", "CLOSED").containsEntry("answer", "Le local B-12 est à vous le mardi soir.");
        List<Map<String, Object>> thread = (List<Map<String, Object>>) done.get("thread");
        assertThat(thread).extracting(s -> s.get("to")).containsExactly("OPEN", "TAKEN_IN_CHARGE", "ANSWERED", "CLOSED");
        assertThat(thread).extracting(s -> s.get("from")).containsExactly(null, "OPEN", "TAKEN_IN_CHARGE", "ANSWERED");
        assertThat(thread).allSatisfy(s -> {
            assertThat(s.get("by")).isEqualTo("manager");
            assertThat(s.get("at").toString()).startsWith(String.valueOf(today().getYear()));
        });
        assertThat(thread.get(2).get("text")).isEqualTo("Le local B-12 est à vous le mardi soir.");
        assertThat(get("/api/escalations/999999", "manager", "demo").statusCode()).isEqualTo(404);
    }

    @Test
    void anIndicatorGoesUpWithItsFiguresOnlyWhenRedOrAmberForItsMonthAndBadRequestsWriteNothing() throws Exception {
        SteeringRoom dsi = dsi();
        YearMonth month = rooms.lastCompleteMonth();
        List<IndicatorTile> tiles = dashboards.dashboard(dsi, new RoomFilters(ReportingPeriod.month(month))).allTiles();
        List<String> open = list("/api/rooms/" + dsi.id() + "/escalations?direction=sent").stream()
                .filter(e -> !"CLOSED".equals(e.get("status"))).map(e -> String.valueOf(((Map<?, ?>) e.get("subject")).get("indicator"))).toList();
        IndicatorTile red = tiles.stream().filter(t -> t.status() == Status.BELOW_COMMITMENT || t.status() == Status.COMMITMENT_MET)
                .filter(t -> !open.contains(t.indicator().code())).findFirst().orElseThrow();
        String base = "/api/rooms/" + dsi.id() + "/escalations";
        int before = list(base + "?direction=sent").size();

        HttpResponse<String> noReason = post(base, "manager", "{\"indicator\": \"" + red.indicator().code() + "\", \"period\": \"" + month + "\", \"reason\": \" \"}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(map(noReason).get("error").toString()).containsIgnoringCase("motif");
        assertThat(post(base, "manager", "{\"indicator\": \"NOPE\", \"period\": \"" + month + "\", \"reason\": \"r\"}").statusCode()).isEqualTo(400);
        assertThat(post(base, "manager", "{\"indicator\": \"" + red.indicator().code() + "\", \"period\": \"" + month + "\", \"reason\": \"r\", "
                + "\"toRoomId\": " + strategicNord().id() + "}").statusCode()).isEqualTo(400);
        tiles.stream().filter(t -> t.status() == Status.ON_TARGET).findFirst().ifPresent(green -> {
            try {
                HttpResponse<String> r = post(base, "manager", "{\"indicator\": \"" + green.indicator().code() + "\", \"period\": \"" + month
                        + "\", \"reason\": \"r\"}");
                assertThat(r.statusCode()).isEqualTo(400);
            } catch (Exception x) {
                throw new AssertionError(x);
            }
        });
        assertThat(post(base, "executive", "{\"indicator\": \"" + red.indicator().code() + "\", \"period\": \"" + month + "\", \"reason\": \"r\"}")
                .statusCode()).isEqualTo(403);
        assertThat(post("/api/rooms/" + strategicNord().id() + "/escalations", "manager", "{\"actionId\": 1, \"reason\": \"r\"}").statusCode())
                .as("a room without parent").isEqualTo(400);
        assertThat(list(base + "?direction=sent")).hasSize(before);

        HttpResponse<String> sent = post(base, "manager", "{\"indicator\": \"" + red.indicator().code() + "\", \"period\": \"" + month
                + "\", \"reason\": \"Sous l'engagement depuis deux mois.\", \"answerBy\": \"" + today().plusDays(3) + "\"}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        @SuppressWarnings("unchecked")
        Map<String, Object> figures = (Map<String, Object>) map(sent).get("figures");
        assertThat(figures).containsEntry("status", red.status().code());
        assertThat(((Number) figures.get("value")).doubleValue()).isEqualTo(red.value());
        assertThat(map(sent)).containsEntry("answerBy", today().plusDays(3).toString()).containsEntry("overdue", false);
    }

    @Test
    void twoManagersAnsweringAtOnceOneWinsTheOtherGets409WithTheCurrentState() throws Exception {
        SteeringRoom dsi = dsi();
        String action = newAction(dsi, "Faire réparer le tableau de la salle de pilotage");
        HttpResponse<String> sent = post("/api/rooms/" + dsi.id() + "/escalations", "manager",
                "{\"actionId\": " + action + ", \"reason\": \"Le budget de l'unité ne le permet pas.\"}");
        long id = id(map(sent), "id");
        String t = "/api/escalations/" + id + "/transitions";
        Callable<HttpResponse<String>> answer = () -> post(t, "manager", "{\"to\": \"ANSWERED\", \"text\": \"Accordé.\"}");
        Callable<HttpResponse<String>> giveBack = () -> post(t, "admin", "{\"to\": \"RETURNED\", \"text\": \"À voir avec la logistique.\"}");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<HttpResponse<String>> a = pool.submit(answer);
            Future<HttpResponse<String>> b = pool.submit(giveBack);
            List<Integer> codes = List.of(a.get(60, TimeUnit.SECONDS).statusCode(), b.get(60, TimeUnit.SECONDS).statusCode());
            assertThat(codes).containsExactlyInAnyOrder(200, 409);
            HttpResponse<String> lost = codes.get(0) == 409 ? a.get() : b.get();
            String now = map(get("/api/escalations/" + id, "manager", "demo")).get("status").toString();
            assertThat(now).isIn("ANSWERED", "RETURNED");
            assertThat(map(lost).get("error").toString()).containsIgnoringCase(now.equals("ANSWERED") ? "répondu" : "retourné");
        } finally {
            pool.shutdownNow();
        }
    }
}
