package org.pilotage.ui.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.Test;
import org.pilotage.analytics.rooms.SteeringRoomRepository;
import org.pilotage.ui.RunningPilotage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may use what: every REST endpoint and every view declares its rule here, each role (and
 * anonymous) is tried against each endpoint with the exact answer expected, and an endpoint or view
 * that is not in the matrix fails the build.
 */
class AccessMatrixTest extends RunningPilotage {

    /** Expected status for: anonymous, manager, executive, steward, admin. */
    record Rule(String method, String pattern, String sample, int anonymous, int manager, int executive, int steward, int admin) {
        int expected(String user) {
            return switch (user) {
                case "manager" -> manager;
                case "executive" -> executive;
                case "steward" -> steward;
                case "admin" -> admin;
                default -> anonymous;
            };
        }
    }

    static final List<String> USERS = Arrays.asList(null, "manager", "executive", "steward", "admin");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    SteeringRoomRepository rooms;

    private List<Rule> rules() {
        long room = rooms.findAll().getFirst().id();
        String r = "/api/rooms/" + room;
        return List.of(
                new Rule("GET", "/api/establishments", "/api/establishments", 401, 200, 200, 200, 200),
                new Rule("GET", "/api/series", "/api/series?indicator=CLI-FAMILLES", 401, 200, 200, 403, 200),
                new Rule("GET", "/api/project-counts", "/api/project-counts", 401, 200, 200, 403, 200),
                new Rule("GET", "/api/rooms", "/api/rooms", 401, 200, 200, 403, 200),
                new Rule("GET", "/api/rooms/{id}/tree", r + "/tree", 401, 200, 200, 403, 200),
                new Rule("GET", "/api/rooms/{id}/escalations", r + "/escalations?direction=received", 401, 200, 200, 403, 200),
                // No body: 400 for every role let in to read escalations (whether it may write is the service's rule, tested there).
                new Rule("POST", "/api/rooms/{id}/escalations", r + "/escalations", 401, 400, 400, 403, 400),
                new Rule("GET", "/api/escalations/{id}", "/api/escalations/1", 401, 200, 200, 403, 200),
                new Rule("POST", "/api/escalations/{id}/transitions", "/api/escalations/1/transitions", 401, 400, 400, 403, 400),
                new Rule("GET", "/api/rooms/{id}/charts", r + "/charts", 401, 200, 200, 403, 200),
                // Meetings: reading for the room's viewers, downloads for executives and admins; writes without a body are
                // 400, and those that would change the demo's rooms go to a room or meeting that does not exist (404),
                // where the service's rule (managers and admins run meetings) answers first for an executive (403).
                new Rule("GET", "/api/rooms/{id}/cadence", r + "/cadence", 401, 200, 200, 403, 200),
                new Rule("PUT", "/api/rooms/{id}/cadence", r + "/cadence", 401, 400, 400, 403, 400),
                new Rule("GET", "/api/rooms/{id}/members", r + "/members", 401, 200, 200, 403, 200),
                new Rule("POST", "/api/rooms/{id}/members", r + "/members", 401, 400, 400, 403, 400),
                new Rule("DELETE", "/api/rooms/{id}/members/{member}", "/api/rooms/999999/members/1", 401, 404, 404, 403, 404),
                new Rule("GET", "/api/rooms/{id}/meetings", r + "/meetings", 401, 200, 200, 403, 200),
                new Rule("POST", "/api/rooms/{id}/meetings", "/api/rooms/999999/meetings", 401, 404, 404, 403, 404),
                new Rule("GET", "/api/rooms/{id}/ritual", r + "/ritual", 401, 200, 200, 403, 200),
                new Rule("GET", "/api/rooms/{id}/archive/verify", r + "/archive/verify", 401, 200, 200, 403, 200),
                new Rule("GET", "/api/meetings/{id}", "/api/meetings/1", 401, 200, 200, 403, 200),
                new Rule("GET", "/api/meetings/{id}/minutes.pdf", "/api/meetings/1/minutes.pdf", 401, 403, 200, 403, 200),
                new Rule("GET", "/api/meetings/{id}/board.pdf", "/api/meetings/1/board.pdf", 401, 403, 200, 403, 200),
                new Rule("GET", "/api/meetings/{id}/board.json", "/api/meetings/1/board.json", 401, 403, 200, 403, 200),
                new Rule("POST", "/api/meetings/{id}/items", "/api/meetings/999999/items", 401, 400, 400, 403, 400),
                new Rule("DELETE", "/api/meetings/{id}/items/{item}", "/api/meetings/999999/items/1", 401, 404, 403, 403, 404),
                new Rule("PUT", "/api/meetings/{id}/order", "/api/meetings/999999/order", 401, 400, 400, 403, 400),
                new Rule("PUT", "/api/meetings/{id}/current", "/api/meetings/999999/current", 401, 400, 400, 403, 400),
                new Rule("PUT", "/api/meetings/{id}/attendance/{member}", "/api/meetings/999999/attendance/1", 401, 400, 400, 403, 400),
                new Rule("PUT", "/api/meetings/{id}/roles", "/api/meetings/999999/roles", 401, 400, 400, 403, 400),
                new Rule("POST", "/api/meetings/{id}/decisions", "/api/meetings/999999/decisions", 401, 400, 400, 403, 400),
                new Rule("POST", "/api/meetings/{id}/close", "/api/meetings/999999/close", 401, 404, 403, 403, 404),
                new Rule("GET", "/api/rooms/{id}/charts/{chart}.{format}", r + "/charts/clientele.svg", 401, 403, 200, 403, 200),
                new Rule("GET", "/api/rooms/{id}/charts/{chart}/data.{format}", r + "/charts/clientele/data.csv", 401, 403, 200, 403, 200),
                new Rule("GET", "/api/rooms/{id}/report.pdf", r + "/report.pdf", 401, 403, 200, 403, 200),
                new Rule("GET", "/api/ingestions", "/api/ingestions", 401, 403, 403, 200, 200),
                new Rule("POST", "/api/ingestions", "/api/ingestions", 401, 403, 403, 400, 400),
                new Rule("GET", "/api/ingestions/{id}", "/api/ingestions/1", 401, 403, 403, 200, 200),
                new Rule("GET", "/api/ingestions/{id}/rejects.csv", "/api/ingestions/1/rejects.csv", 401, 403, 403, 200, 200),
                new Rule("POST", "/api/ingestions/{id}/stop", "/api/ingestions/1/stop", 401, 403, 403, 409, 409),
                new Rule("POST", "/api/ingestions/{id}/restart", "/api/ingestions/1/restart", 401, 403, 403, 409, 409),
                new Rule("GET", "/api/**", "/api/no-such-thing", 401, 404, 404, 404, 404),
                new Rule("GET", "/actuator/health", "/actuator/health", 200, 200, 200, 200, 200),
                new Rule("GET", "/actuator/prometheus", "/actuator/prometheus", 401, 403, 403, 403, 200));
    }

    /** The views and who may open them. */
    static final Map<String, Set<String>> VIEWS = new LinkedHashMap<>();

    static {
        VIEWS.put("", Set.of("authenticated"));
        VIEWS.put("effects", Set.of("MANAGER", "EXECUTIVE", "ADMIN"));
        VIEWS.put("rooms/:id", Set.of("MANAGER", "EXECUTIVE", "ADMIN"));
        VIEWS.put("rooms/:id/indicators/:code", Set.of("MANAGER", "EXECUTIVE", "ADMIN"));
        VIEWS.put("rooms/:id/tv", Set.of("MANAGER", "EXECUTIVE", "ADMIN"));
        VIEWS.put("meetings/:id", Set.of("MANAGER", "EXECUTIVE", "ADMIN"));
        VIEWS.put("ingestion", Set.of("STEWARD", "ADMIN"));
        VIEWS.put("admin/audit", Set.of("ADMIN"));
        VIEWS.put("admin/users", Set.of("ADMIN"));
        VIEWS.put("login", Set.of("anonymous"));
    }

    @Test
    void everyEndpointHasARule() {
        Set<String> declared = new TreeSet<>();
        rules().forEach(r -> declared.add(r.method() + " " + r.pattern()));
        Set<String> present = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (handler.getBeanType().getPackageName().startsWith("org.pilotage")) {
                Set<String> methods = new TreeSet<>();
                info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
                if (methods.isEmpty()) {
                    methods.add("GET");
                }
                for (String pattern : info.getPatternValues()) {
                    methods.forEach(m -> present.add(m + " " + pattern));
                }
            }
        });
        assertThat(declared).as("rules for every endpoint of the application").containsAll(present);
    }

    @Test
    void eachRoleGetsExactlyTheAnswerItsRuleSays() throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        List<String> wrong = new ArrayList<>();
        for (Rule rule : rules()) {
            for (String user : USERS) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(rule.sample())));
                request = rule.method().equals("GET") ? request.GET() : request.method(rule.method(), HttpRequest.BodyPublishers.noBody());
                if (user != null) {
                    request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
                }
                int status = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status != rule.expected(user == null ? "anonymous" : user)) {
                    wrong.add(rule.method() + " " + rule.sample() + " as " + user + ": " + status + " instead of " + rule.expected(user == null ? "anonymous" : user));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyViewDeclaresWhoMayOpenItAndAnonymousVisitorsAreSentToTheLoginForm() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        Map<String, Set<String>> found = new LinkedHashMap<>();
        for (var candidate : scanner.findCandidateComponents("org.pilotage.ui")) {
            Class<?> view = Class.forName(candidate.getBeanClassName());
            String path = view.getAnnotation(Route.class).value();
            Set<String> who;
            if (view.isAnnotationPresent(RolesAllowed.class)) {
                who = Set.of(view.getAnnotation(RolesAllowed.class).value());
            } else if (view.isAnnotationPresent(PermitAll.class)) {
                who = Set.of("authenticated");
            } else if (view.isAnnotationPresent(AnonymousAllowed.class)) {
                who = Set.of("anonymous");
            } else {
                who = Set.of("no rule");
            }
            found.put(path, who);
        }
        assertThat(found).isEqualTo(VIEWS);

        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (String path : VIEWS.keySet()) {
            String sample = "/" + path.replace(":id", String.valueOf(rooms.findAll().getFirst().id())).replace(":code", "CLI-FAMILLES");
            HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(url(sample))).GET().build(), HttpResponse.BodyHandlers.discarding());
            if (path.equals("login")) {
                assertThat(r.statusCode()).isEqualTo(200);
            } else {
                assertThat(r.statusCode()).as(sample).isEqualTo(302);
                assertThat(r.headers().firstValue("Location")).as(sample).hasValueSatisfying(v -> assertThat(v).endsWith("/login"));
            }
        }
    }
}
