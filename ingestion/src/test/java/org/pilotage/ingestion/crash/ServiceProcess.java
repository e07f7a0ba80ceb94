package org.pilotage.ingestion.crash;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import org.pilotage.ingestion.kind.FileKind;
import org.pilotage.ingestion.load.StoreFixture;
import org.pilotage.ingestion.log.Ingestion;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ingestion side of the service in a process of its own, for the crash test: it starts (which
 * resumes what a crash cut), optionally submits a file, and prints what a dashboard reader polling
 * the published totals sees ("TOTAL count sum"), the load's phases ("PHASE …") and its end ("END …").
 */
public final class ServiceProcess {

    private ServiceProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String file = args.length > 1 ? args[1] : null;
        try (StoreFixture service = new StoreFixture(dir)) {
            JdbcTemplate jdbc = service.jdbc;
            AtomicReference<String> last = new AtomicReference<>("");
            var progress = service.context.getBean(org.pilotage.ingestion.progress.IngestionProgress.class);
            Thread reader = Thread.ofPlatform().daemon().start(() -> {
                while (!progress.shuttingDown()) {
                    String total;
                    try {
                        total = jdbc.queryForObject(
                                "SELECT count(*) || ' ' || coalesce(CAST(round(sum(value), 3) AS VARCHAR), '0') FROM indicator_measure",
                                String.class);
                    } catch (RuntimeException e) {
                        return; // the service is stopping
                    }
                    if (!Objects.equals(total, last.getAndSet(total))) {
                        say("TOTAL " + total);
                    }
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            String halt = System.getProperty("pilotage.test.halt-file");
            service.context.getBean(org.pilotage.ingestion.progress.IngestionProgress.class)
                    .subscribe(s -> {
                        say("PHASE " + s.phase());
                        if (s.phase().name().equals("STAGING") && halt != null
                                && service.log.find(s.ingestionId()).map(i -> i.fileName().equals(halt)).orElse(false)) {
                            Runtime.getRuntime().halt(3); // a file that makes the process exit, as a crash of native code would
                        }
                    });
            say("READY");
            Ingestion ingestion;
            if (file != null && file.startsWith("restart:")) {
                long id = Long.parseLong(file.substring("restart:".length()));
                service.ingestion.restart(id);
                ingestion = service.ingestion.awaitEnd(id, Duration.ofMinutes(5));
            } else if (file != null) {
                ingestion = service.load(Path.of(file), FileKind.INDICATOR_MEASURES);
            } else {
                // resumed at start-up: wait for the queue to drain
                long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
                while (!service.log.unfinished().isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                ingestion = service.log.recent(1).getFirst();
                ingestion = service.ingestion.awaitEnd(ingestion.id(), Duration.ofMinutes(5));
            }
            if (!ingestion.ended()) {
                say("INTERRUPTED " + ingestion.id() + " " + ingestion.status());
                return; // the service is stopping under the load
            }
            Thread.sleep(50);
            reader.interrupt();
            say("END " + ingestion.id() + " " + ingestion.status() + " " + ingestion.rowsWritten() + " " + ingestion.rowsRejected());
            say("MESSAGE " + ingestion.message());
            say("LEFTOVERS " + service.count("SELECT count(*) FROM information_schema.schemata WHERE schema_name LIKE 'ingest_%'"));
        }
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
