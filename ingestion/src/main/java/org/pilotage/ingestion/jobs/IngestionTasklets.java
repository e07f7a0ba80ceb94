package org.pilotage.ingestion.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.duckdb.DuckDBPreparedStatement;
import org.pilotage.analytics.store.DuckDbStore;
import org.pilotage.ingestion.IngestionProperties;
import org.pilotage.ingestion.kind.Column;
import org.pilotage.ingestion.kind.FileKind;
import org.pilotage.ingestion.progress.IngestionProgress;
import org.pilotage.ingestion.progress.IngestionProgress.Phase;
import org.pilotage.ingestion.stage.FileFormat;
import org.pilotage.ingestion.stage.StagedFile;
import org.pilotage.ingestion.stage.Stager;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * The three steps of an ingestion. Each runs in the step's transaction on the store's DataSource,
 * so what a step writes and Spring Batch's record of the step commit together.
 */
public class IngestionTasklets {

    public static final String EXIT_REJECTED = "REJECTED";
    static final String P_INGESTION = "ingestion.id";
    static final String P_SHA256 = "sha256";
    static final String P_KIND = "kind";
    static final String P_FORMAT = "format";
    static final String P_FILE = "file";

    private final DataSource dataSource;
    private final DuckDbStore store;
    private final IngestionProgress progress;
    private final IngestionProperties properties;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ingestion-progress");
        t.setDaemon(true);
        return t;
    });

    public IngestionTasklets(DuckDbStore store, IngestionProgress progress, IngestionProperties properties) {
        this.store = store;
        this.dataSource = store.dataSource();
        this.progress = progress;
        this.properties = properties;
    }

    private static long id(ChunkContext chunk) {
        return params(chunk).getLong(P_INGESTION);
    }

    private static JobParameters params(ChunkContext chunk) {
        return chunk.getStepContext().getStepExecution().getJobParameters();
    }

    private Connection connection() {
        return DataSourceUtils.getConnection(dataSource);
    }

    /** Stage: the file's records as text columns in the ingestion's workspace. */
    public Tasklet stage() {
        return (StepContribution contribution, ChunkContext chunk) -> {
            long id = id(chunk);
            JobParameters p = params(chunk);
            Path file = Path.of(p.getString(P_FILE));
            FileFormat format = FileFormat.ofCode(p.getString(P_FORMAT)).orElseThrow();
            FileKind kind = FileKind.ofCode(p.getString(P_KIND)).orElseThrow();
            Workspace ws = new Workspace(id);
            Connection c = connection();
            progress.started(id, estimateRows(file, format));
            Workspace.execute(c, "CREATE SCHEMA IF NOT EXISTS " + ws.schema());
            Path work = store.dataDir().resolve("work");
            Files.createDirectories(work);
            StagedFile staged = Stager.stage(c, ws.schema(), file, format, kind, work, probe(id));
            ws.saveContext(c, new Workspace.Context(staged.decimalComma(), staged.line(), staged.columns()));
            try (PreparedStatement ps = c.prepareStatement("UPDATE ingestion SET encoding = ?, delimiter = ?, header = ? WHERE id = ?")) {
                ps.setString(1, staged.encoding());
                ps.setString(2, staged.delimiter());
                ps.setString(3, json(staged.header()));
                ps.setLong(4, id);
                ps.executeUpdate();
            }
            return RepeatStatus.FINISHED;
        };
    }

    /** Check: every rule of the contract in SQL; the reject report; the skip limit. */
    public Tasklet check() {
        return (StepContribution contribution, ChunkContext chunk) -> {
            long id = id(chunk);
            FileKind kind = FileKind.ofCode(params(chunk).getString(P_KIND)).orElseThrow();
            Workspace ws = new Workspace(id);
            Connection c = connection();
            Workspace.Context context = ws.loadContext(c);
            // The long statement of a load: DuckDB reads, parses and checks the file in one pass.
            probe(id).execute(c, ws.script(prefix(kind) + "-check", context.templates()));
            progress.phase(id, Phase.CHECKING, Workspace.count(c, "SELECT count(*) FROM " + ws.schema() + ".checked"));
            runCancellable(id, c, ws.script(prefix(kind) + "-duplicates", context.templates()));
            long read = Workspace.count(c, "SELECT count(*) FROM " + ws.schema() + ".checked");
            long rejected = Workspace.count(c, "SELECT count(*) FROM " + ws.schema() + ".checked WHERE NOT ok");
            Workspace.execute(c, "DELETE FROM ingestion_reject WHERE ingestion_id = " + id);
            if (rejected > 0) {
                Workspace.execute(c, ws.script("rejects", Map.of()));
            }
            String message = null;
            if (read == 0) {
                message = "Le fichier ne contient aucune ligne de données.";
            } else if (properties.tooManyRejected(rejected, read)) {
                message = ("Trop de lignes rejetées : %s sur %s (limite : %s %% ou %s lignes) ; rien n'a été publié,"
                        + " voir le rapport de rejets.").formatted(french(rejected), french(read), percent(properties.skipLimitPercent()),
                        french(properties.skipLimitRows()));
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE ingestion SET rows_read = ?, rows_rejected = ?, rows_written = 0, message = ? WHERE id = ?")) {
                ps.setLong(1, read);
                ps.setLong(2, rejected);
                ps.setString(3, message);
                ps.setLong(4, id);
                ps.executeUpdate();
            }
            contribution.incrementFilterCount(rejected);
            if (message != null) {
                contribution.setExitStatus(new ExitStatus(EXIT_REJECTED, message));
            }
            progress.phase(id, Phase.PUBLISHING, read);
            return RepeatStatus.FINISHED;
        };
    }

    /** Publish: the valid rows, the manifest entry and the ingestion's end, in one transaction. */
    public Tasklet publish() {
        return (StepContribution contribution, ChunkContext chunk) -> {
            long id = id(chunk);
            JobParameters p = params(chunk);
            FileKind kind = FileKind.ofCode(p.getString(P_KIND)).orElseThrow();
            String sha256 = p.getString(P_SHA256);
            Workspace ws = new Workspace(id);
            Connection c = connection();
            if (Workspace.count(c, "SELECT count(*) FROM ingestion_manifest WHERE sha256 = " + Workspace.literal(sha256)) > 0) {
                return RepeatStatus.FINISHED; // published before a crash cut the job short: nothing to do twice
            }
            long written = Workspace.count(c, "SELECT count(*) FROM " + ws.schema() + ".checked WHERE ok");
            long rejected = Workspace.count(c, "SELECT count(*) FROM " + ws.schema() + ".checked WHERE NOT ok");
            if (kind != FileKind.INDICATOR_CATALOGUE) {
                runCancellable(id, c, ws.script("references-publish", Map.of()));
                String facts = kind == FileKind.INDICATOR_MEASURES ? "indicator_measure" : "project_count";
                // Replacing costs a join with everything published; skip it when the file's establishments have nothing yet.
                if (Workspace.count(c, "SELECT count(*) FROM (SELECT 1 FROM " + facts + " WHERE establishment IN (SELECT establishment FROM "
                        + ws.schema() + ".refs) LIMIT 1)") > 0) {
                    runCancellable(id, c, ws.script(prefix(kind) + "-replace", Map.of()));
                }
            }
            runCancellable(id, c, ws.script(prefix(kind) + "-publish", Map.of()));
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ingestion_manifest (sha256, ingestion_id) VALUES (?, ?)")) {
                ps.setString(1, sha256);
                ps.setLong(2, id);
                ps.executeUpdate();
            }
            String message = rejected == 0
                    ? "%s lignes chargées.".formatted(french(written))
                    : "%s lignes chargées, %s rejetées (voir le rapport de rejets).".formatted(french(written), french(rejected));
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE ingestion SET status = 'COMPLETED', rows_written = ?, message = ?, ended_at = current_timestamp
                    WHERE id = ?""")) {
                ps.setLong(1, written);
                ps.setString(2, message);
                ps.setLong(3, id);
                ps.executeUpdate();
            }
            contribution.incrementWriteCount(written);
            return RepeatStatus.FINISHED;
        };
    }

    /** Runs the long statement of a stage, reporting DuckDB's progress and letting a stop cancel it. */
    private Stager.ProgressProbe probe(long id) {
        return (c, sql) -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                DuckDBPreparedStatement duck = ps.unwrap(DuckDBPreparedStatement.class);
                progress.cancelWith(id, () -> cancel(ps));
                ScheduledFuture<?> poll = poller.scheduleAtFixedRate(() -> {
                    try {
                        double pct = duck.getQueryProgress().getPercentage();
                        if (pct >= 0) {
                            progress.staging(id, pct / 100.0);
                        }
                    } catch (SQLException | RuntimeException ignored) {
                        // progress is best effort
                    }
                }, 200, 250, TimeUnit.MILLISECONDS);
                try {
                    checkStop(id);
                    ps.execute();
                } finally {
                    poll.cancel(false);
                    progress.cancelWith(id, null);
                }
                checkStop(id);
            }
        };
    }

    private void runCancellable(long id, Connection c, String sql) throws SQLException {
        checkStop(id);
        try (var st = c.createStatement()) {
            progress.cancelWith(id, () -> cancel(st));
            try {
                st.execute(sql);
            } finally {
                progress.cancelWith(id, null);
            }
        }
        checkStop(id);
    }

    private void checkStop(long id) {
        if (progress.stopRequested(id)) {
            throw new IngestionStoppedException();
        }
    }

    private static void cancel(java.sql.Statement st) {
        try {
            st.cancel();
        } catch (SQLException ignored) {
            // the statement ended on its own
        }
    }

    /** Rows expected, from the file size and the first megabyte's lines: enough for rows/s and time left. */
    private static long estimateRows(Path file, FileFormat format) throws IOException {
        long size = Files.size(file);
        if (format != FileFormat.CSV) {
            return Math.max(1, size / 60);
        }
        byte[] head;
        try (var in = Files.newInputStream(file)) {
            head = in.readNBytes(1 << 20);
        }
        long lines = 0;
        for (byte b : head) {
            if (b == '\n') {
                lines++;
            }
        }
        return lines == 0 ? 1 : Math.max(1, Math.round(size * (double) lines / head.length) - 1);
    }

    static String prefix(FileKind kind) {
        return switch (kind) {
            case INDICATOR_MEASURES -> "measures";
            case PROJECT_COUNTS -> "counts";
            case INDICATOR_CATALOGUE -> "catalogue";
        };
    }

    /** 300 000, as French writes it (no-break space). */
    static String french(long n) {
        return String.format(java.util.Locale.CANADA_FRENCH, "%,d", n).replace('\u202F', '\u00A0');
    }

    private static String percent(double p) {
        return p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p).replace('.', ',');
    }

    static String json(List<String> cells) {
        List<String> quoted = new ArrayList<>();
        for (String cell : cells) {
            StringBuilder sb = new StringBuilder("\"");
            for (char ch : cell.toCharArray()) {
                switch (ch) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    default -> {
                        if (ch < 0x20) {
                            sb.append(String.format("\\u%04x", (int) ch));
                        } else {
                            sb.append(ch);
                        }
                    }
                }
            }
            quoted.add(sb.append('"').toString());
        }
        return "[" + String.join(",", quoted) + "]";
    }

    /** A steward asked to stop the ingestion. */
    public static final class IngestionStoppedException extends RuntimeException {
        IngestionStoppedException() {
            super("Chargement arrêté à la demande.");
        }
    }
}
