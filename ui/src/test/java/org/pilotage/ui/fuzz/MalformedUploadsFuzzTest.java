package org.pilotage.ui.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.pilotage.ui.PilotageApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hundreds of deterministic mutants of valid Arrow (file and stream), Parquet and XLSX files, each
 * uploaded through the real ingestion path of a running service: every one ends COMPLETED, FAILED or
 * DUPLICATE, or is refused, with one sentence that holds no engine's text, path or stack frame; the
 * service is alive and healthy after all of them. A longer campaign: {@code bench/fuzz.sh}.
 */
@SpringBootTest(classes = PilotageApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MalformedUploadsFuzzTest {

    static final int MUTANTS = 300;
    private static final Path DATA_DIR;

    static {
        try {
            DATA_DIR = Files.createTempDirectory("pilotage-fuzz-");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("pilotage.data-dir", DATA_DIR::toString);
        registry.add("pilotage.admin-password", () -> "fuzz-admin-2026");
    }

    @LocalServerPort
    int port;

    @Test
    void noMalformedFileCrashesHangsOrLeaksInternals() throws Exception {
        List<Mutants.Sample> originals = Mutants.originals(DATA_DIR.resolve("fuzz-work"));
        Campaign campaign = new Campaign("http://localhost:" + port, "admin", "fuzz-admin-2026");
        for (Mutants.Sample original : originals) {
            Campaign.Outcome o = campaign.upload(original);
            assertThat(o.status()).as(original.name() + ": " + o.body()).isEqualTo("COMPLETED");
        }
        Map<String, Integer> outcomes = new TreeMap<>();
        Map<String, Integer> byFormat = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (Mutants.Sample mutant : Mutants.of(originals, MUTANTS, 20261202L)) {
            Campaign.Outcome o = campaign.upload(mutant);
            outcomes.merge(o.status(), 1, Integer::sum);
            byFormat.merge(mutant.name().substring(mutant.name().lastIndexOf('.') + 1) + " " + o.status(), 1, Integer::sum);
            String problem = Campaign.problem(o);
            if (problem != null) {
                problems.add(mutant.name() + ": " + problem);
            }
        }
        System.out.println("Fuzz outcomes by format: " + byFormat);
        assertThat(problems).as("answers that are not one clean sentence; outcomes " + outcomes).isEmpty();
        assertThat(outcomes.keySet()).as("outcomes").isSubsetOf("COMPLETED", "FAILED", "DUPLICATE", "400", "409", "413", "415");
        assertThat(outcomes.getOrDefault("FAILED", 0)).as("mutants that failed with a sentence").isPositive();
        assertThat(campaign.health()).isEqualTo("{\"status\":\"UP\"}");
    }

    /** Uploads samples to a running service and judges its answers; shared with the longer campaign. */
    public static final class Campaign {

        /** The patterns of what a sentence must never hold: an engine's text, a path, a stack frame. */
        static final Pattern INTERNALS = Pattern.compile(
                "(?i)exception|error:|java\\.|org\\.|duckdb|arrow_scan|apache|\\bpoi\\b|\\bnull\\b|\\tat |/[a-z0-9_.-]+/|\\\\|\\.upload|"
                        + "invalid input|out of buffer|failed to|get_next|index \\(|\\bIO\\b");
        private static final JsonMapper JSON = JsonMapper.builder().build();

        public record Outcome(String status, String sentence, String body) {
        }

        private final String base;
        private final String authorization;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

        Campaign(String base, String user, String password) {
            this.base = base;
            this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        }

        Outcome upload(Mutants.Sample sample) throws Exception {
            String boundary = "----fuzz" + System.nanoTime();
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream(sample.bytes().length + 512);
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + sample.name()
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(sample.bytes());
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/ingestions?wait=true"))
                    .timeout(Duration.ofMinutes(5))
                    .header("Authorization", authorization)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode json = JSON.readTree(r.body());
            if (r.statusCode() == 200 && json.has("status")) {
                return new Outcome(text(json.get("status")), text(json.get("message")), r.body());
            }
            return new Outcome(String.valueOf(r.statusCode()), text(json.get("error")), r.body());
        }

        private static String text(JsonNode n) {
            return n != null && n.isString() ? n.asString() : null;
        }

        /** What is wrong with an answer, or null: an outcome other than the expected ones, no sentence, or internals in it. */
        static String problem(Outcome o) {
            if (o.sentence() == null || o.sentence().isBlank()) {
                return "no sentence: " + o.body();
            }
            if (!o.status().matches("COMPLETED|FAILED|DUPLICATE|400|409|413|415")) {
                return "outcome " + o.status() + ": " + o.body();
            }
            if (INTERNALS.matcher(o.sentence()).find()) {
                return "internals: " + o.sentence();
            }
            return null;
        }

        String health() throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
    }
}
