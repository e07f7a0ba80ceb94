package org.pilotage.ui.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pilotage.analytics.access.Role;
import org.pilotage.analytics.audit.AuditLog;
import org.pilotage.analytics.users.UserService;
import org.pilotage.ui.RunningPilotage;
import org.springframework.beans.factory.annotation.Autowired;

/** Lock-out, security headers, error answers without internals, and the audit of logins and ingestions. */
class SecurityTest extends RunningPilotage {

    @Autowired
    UserService users;
    @Autowired
    AuditLog audit;

    @Test
    void fiveWrongPasswordsLockTheAccountWithAClearSentenceEvenForTheRightOne() throws Exception {
        users.createInitial("verrou", "bon-mot-de-passe-1", "Compte de test", EnumSet.of(Role.MANAGER));
        assertThat(get("/api/rooms", "verrou", "bon-mot-de-passe-1").statusCode()).isEqualTo(200);
        for (int i = 0; i < LoginAttempts.MAX_FAILURES; i++) {
            assertThat(get("/api/rooms", "verrou", "mauvais-" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = get("/api/rooms", "verrou", "bon-mot-de-passe-1");
        assertThat(locked.statusCode()).isEqualTo(401);
        assertThat(locked.body()).contains("Compte verrouillé après 5 échecs de connexion");

        List<AuditLog.Event> events = audit.find("verrou", null, null, null, 50);
        assertThat(events).extracting(AuditLog.Event::action).contains("login-failed", "account-locked");
        assertThat(events).filteredOn(e -> e.action().equals("login-failed")).hasSize(LoginAttempts.MAX_FAILURES)
                .allSatisfy(e -> assertThat(e.remote()).isNotBlank());
    }

    @Test
    void aNameThatIsNoAccountIsLockedLikeOneThatIs() throws Exception {
        for (int i = 0; i < LoginAttempts.MAX_FAILURES; i++) {
            assertThat(get("/api/rooms", "personne-" + "inconnue", "mauvais-" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = get("/api/rooms", "personne-inconnue", "nimporte-quoi");
        assertThat(locked.statusCode()).isEqualTo(401);
        assertThat(locked.body()).as("the answer does not tell that no such account exists")
                .contains("Compte verrouillé après 5 échecs de connexion");
    }

    @Test
    void theSessionLivesInASameSiteCookieAndNeverInAnAddress() throws Exception {
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(url("/login"))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(c ->
                assertThat(c).startsWith("JSESSIONID=").contains("SameSite=Lax").contains("HttpOnly"));
        for (String path : List.of("/VAADIN/", "/", "/rooms/1")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.headers().firstValue("Location").orElse("")).as(path).doesNotContainIgnoringCase("jsessionid");
            assertThat(r.body()).as(path).doesNotContainIgnoringCase("jsessionid=");
        }
    }

    @Test
    void noInlineScriptRunsButThoseOfThePageItself() throws Exception {
        HttpResponse<String> api = get("/api/rooms", "manager", "demo");
        assertThat(api.headers().firstValue("Content-Security-Policy").orElseThrow().replaceAll(".*script-src ([^;]*);.*", "$1"))
                .isEqualTo("'self' 'unsafe-eval'");
        HttpResponse<String> page = get("/login", null, null);
        String scripts = page.headers().firstValue("Content-Security-Policy").orElseThrow().replaceAll(".*script-src ([^;]*);.*", "$1");
        assertThat(scripts).startsWith("'self' 'unsafe-eval' 'sha256-").doesNotContain("unsafe-inline");
    }

    @Test
    void answersCarrySecurityHeadersOnTheApiAndTheUi() throws Exception {
        for (HttpResponse<String> r : List.of(get("/api/rooms", "manager", "demo"), get("/login", null, null))) {
            assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
            assertThat(r.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v ->
                    assertThat(v).contains("default-src 'self'").contains("object-src 'none'"));
            assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        }
    }

    @Test
    void errorAnswersHoldOneSentenceAndNoStackTraceOrSql() throws Exception {
        List<HttpResponse<String>> answers = List.of(
                get("/api/series?indicator=NOPE", "manager", "demo"),
                get("/api/series?indicator=CLI-FAMILLES&from=2026-13", "manager", "demo"),
                get("/api/rooms/abc/charts", "manager", "demo"),
                get("/api/rooms/1/charts/clientele.png?months=x", "executive", "demo"),
                get("/api/ingestions/999999/rejects.csv", "steward", "demo"),
                get("/api/nothing-here", "manager", "demo"),
                get("/api/rooms", null, null),
                get("/api/ingestions", "manager", "demo"),
                http.send(HttpRequest.newBuilder(URI.create(url("/api/rooms"))).DELETE()
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                                .encodeToString("manager:demo".getBytes(StandardCharsets.UTF_8))).build(),
                        HttpResponse.BodyHandlers.ofString()));
        for (HttpResponse<String> r : answers) {
            assertThat(r.statusCode()).as(r.uri().toString()).isBetween(400, 499);
            assertThat(r.body()).as(r.uri().toString()).startsWith("{\"error\":\"").doesNotContain("Exception")
                    .doesNotContain("\tat ").doesNotContain("SELECT").doesNotContain("org.pilotage");
        }
    }

    @Test
    void launchingAnIngestionIsAudited() throws Exception {
        String boundary = "----audit";
        byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"audit.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\netablissement;direction;indicateur;periode;valeur\nAUDIT-E;D1;CLI-FAMILLES;2026-01;3\n\r\n--"
                + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(url("/api/ingestions?wait=true")))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("steward:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        String id = posted.body().replaceAll("(?s).*\"id\":(\\d+).*", "$1");
        assertThat(audit.find("steward", "ingestion-launched", null, null, 100)).anySatisfy(e -> {
            assertThat(e.target()).isEqualTo("ingestion " + id);
            assertThat(e.detail()).startsWith("audit.csv");
        });
    }

    @Test
    void restartingAFailedIngestionIsAudited() throws Exception {
        String boundary = "----restart";
        StringBuilder rows = new StringBuilder("etablissement;direction;indicateur;periode;valeur\n");
        for (int k = 0; k < 5; k++) {
            rows.append("RESTART-E;D").append(k).append(";INCONNU;2026-01;1\n"); // every row rejected: over the skip limit
        }
        byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"relance.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + rows + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        String auth = "Basic " + java.util.Base64.getEncoder().encodeToString("steward:demo".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> failed = http.send(HttpRequest.newBuilder(URI.create(url("/api/ingestions?wait=true")))
                .header("Authorization", auth).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(failed.body()).contains("\"status\":\"FAILED\"");
        String id = failed.body().replaceAll("(?s).*\"id\":(\\d+).*", "$1");
        HttpResponse<String> restarted = http.send(HttpRequest.newBuilder(URI.create(url("/api/ingestions/" + id + "/restart")))
                .header("Authorization", auth).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(restarted.statusCode()).as(restarted.body()).isEqualTo(202);
        assertThat(audit.find("steward", "ingestion-restarted", null, null, 20)).anySatisfy(e ->
                assertThat(e.target()).isEqualTo("ingestion " + id));
    }
}
