package org.pilotage.ui.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

import org.pilotage.ui.PilotageApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Small files, the everyday case (run through bench/small-files.sh): the service with its demo data, then
 * files of a thousand rows posted one after the other with {@code ?wait=true}, as a steward's script does.
 * For each: the answer of the POST, and the time until its rows are visible in {@code /api/series} (asked
 * until they are). Each file has other values than the one before, so none is a duplicate.
 */
public final class SmallFilesBenchmark {

    private static final String[] DIRECTIONS = {"DQEPE", "DSM", "DSP", "DSI"};
    private static final String[] INDICATORS = {"CLI-FAMILLES", "ORG-PROJ-USAGERS", "ORG-PROJ-VALEURS", "INT-COMPETENCES"};

    private SmallFilesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Path work = Path.of(args.length > 2 ? args[2] : "target/bench").toAbsolutePath();
        Path data = work.resolve("small-files");
        Bench.deleteTree(data);
        Files.createDirectories(data);
        ConfigurableApplicationContext app = new SpringApplicationBuilder(PilotageApplication.class).profiles("demo").run(
                "--pilotage.data-dir=" + data, "--server.port=0", "--logging.level.root=WARN", "--logging.level.org.pilotage=WARN");
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String steward = "Basic " + Base64.getEncoder().encodeToString("steward:demo".getBytes(StandardCharsets.UTF_8));
            String manager = "Basic " + Base64.getEncoder().encodeToString("manager:demo".getBytes(StandardCharsets.UTF_8));
            // The demo data is loaded at start: wait until its measures answer.
            waitUntil(() -> get(http, port, manager, "/api/series?indicator=CLI-FAMILLES&establishment=CISSS-DEMO-NORD").contains("\"value\""));

            int warmUp = 3;
            double[] posted = new double[files];
            double[] visible = new double[files];
            YearMonth month = YearMonth.of(2001, 1);
            for (int f = -warmUp; f < files; f++) {
                // Rows of one month: 4 directions × 4 indicators × projects; the month moves with each file.
                YearMonth period = month.plusMonths(f + warmUp);
                StringBuilder csv = new StringBuilder("etablissement;direction;projet;indicateur;periode;valeur\n");
                for (int r = 0; r < rows; r++) {
                    csv.append("CISSS-DEMO-NORD;").append(DIRECTIONS[r % 4]).append(';')
                            .append(r < 16 ? "" : "P-BENCH-" + (r / 16)).append(';').append(INDICATORS[(r / 4) % 4]).append(';')
                            .append(period).append(';').append(r % 97 + f + warmUp).append('\n');
                }
                String expected = "\"period\":\"" + period + "\"";
                long s = System.nanoTime();
                HttpResponse<String> r = upload(http, port, steward, "bench-" + period + ".csv", csv.toString().getBytes(StandardCharsets.UTF_8));
                double p = (System.nanoTime() - s) / 1e6;
                if (r.statusCode() != 201 && r.statusCode() != 200 || !r.body().contains("COMPLETED")) {
                    throw new IllegalStateException("file " + f + ": " + r.statusCode() + " " + r.body());
                }
                String series = "/api/series?indicator=CLI-FAMILLES&establishment=CISSS-DEMO-NORD&direction=DSM&from=" + period + "&to=" + period;
                waitUntil(() -> get(http, port, manager, series).contains(expected));
                double v = (System.nanoTime() - s) / 1e6;
                if (f >= 0) {
                    posted[f] = p;
                    visible[f] = v;
                }
            }
            Arrays.sort(posted);
            Arrays.sort(visible);
            System.out.printf(Locale.ROOT, "%d files of %,d rows, one after the other (after %d not counted)%n", files, rows, warmUp);
            System.out.printf(Locale.ROOT, "POST ?wait=true answered      p50 %6.1f ms  p95 %6.1f ms%n", Bench.pct(posted, 50), Bench.pct(posted, 95));
            System.out.printf(Locale.ROOT, "rows visible in /api/series   p50 %6.1f ms  p95 %6.1f ms  (target p50 <= 300 ms)%n",
                    Bench.pct(visible, 50), Bench.pct(visible, 95));
        } finally {
            app.close();
            Bench.deleteTree(data);
        }
    }

    private static String get(HttpClient http, int port, String auth, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", auth).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> upload(HttpClient http, int port, String auth, String name, byte[] content) throws Exception {
        String boundary = "----bench" + UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream(content.length + 512);
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/ingestions?wait=true"))
                .header("Authorization", auth).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not visible after 5 minutes");
            }
            Thread.sleep(2);
        }
    }
}
