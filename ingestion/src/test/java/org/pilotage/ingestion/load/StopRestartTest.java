package org.pilotage.ingestion.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pilotage.ingestion.log.Ingestion;
import org.pilotage.ingestion.log.IngestionStatus;
import org.pilotage.ingestion.progress.IngestionProgress;

class StopRestartTest {

    @TempDir
    Path dir;

    @Test
    void aStoppedLoadPublishesNothingAndARestartLoadsItAll() throws Exception {
        Path file = dir.resolve("gros.csv");
        int rows = 3_000_000;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("establishment,direction,project,indicator,period,value\n");
            for (int k = 0; k < rows; k++) {
                out.write("STOP-E,D" + (k % 1000) + ",P" + (k / 1000) + ",CLI-FAMILLES,2026-01," + (k % 100) + "\n");
            }
        }
        try (StoreFixture fx = new StoreFixture(dir)) {
            IngestionProgress progress = fx.context.getBean(IngestionProgress.class);
            Ingestion queued;
            try (InputStream in = Files.newInputStream(file)) {
                queued = fx.ingestion.submit(in, "gros.csv", null, "steward");
            }
            long id = queued.id();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (progress.snapshot(id).map(s -> s.phase() != IngestionProgress.Phase.STAGING).orElse(true)
                    && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Thread.sleep(100);

            fx.ingestion.stop(id);
            Ingestion stopped = fx.ingestion.awaitEnd(id, Duration.ofMinutes(1));

            assertThat(stopped.status()).isEqualTo(IngestionStatus.STOPPED);
            assertThat(stopped.message()).isEqualTo("Chargement arrêté à la demande ; rien n'a été publié.");
            assertThat(fx.count("SELECT count(*) FROM indicator_measure")).isZero();
            assertThat(fx.count("SELECT count(*) FROM ingestion_manifest WHERE ingestion_id = ?", id)).isZero();

            fx.ingestion.restart(id);
            Ingestion done = fx.ingestion.awaitEnd(id, Duration.ofMinutes(2));

            assertThat(done.status()).as(done.message()).isEqualTo(IngestionStatus.COMPLETED);
            assertThat(done.rowsWritten()).isEqualTo(rows);
            assertThat(fx.count("SELECT count(*) FROM indicator_measure")).isEqualTo(rows);
            assertThat(fx.count("SELECT count(*) FROM information_schema.schemata WHERE schema_name LIKE 'ingest_%'")).isZero();
        }
    }
}
