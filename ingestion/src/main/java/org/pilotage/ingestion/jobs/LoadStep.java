package org.pilotage.ingestion.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.pilotage.analytics.store.ArrowMemory;
import org.pilotage.analytics.store.SqlQueries;
import org.pilotage.analytics.text.Sentence;
import org.pilotage.ingestion.IngestionProperties;
import org.pilotage.ingestion.kind.FileKind;
import org.pilotage.ingestion.log.SentenceColumns;
import org.pilotage.ingestion.progress.IngestionProgress.Phase;
import org.pilotage.ingestion.stage.FileFormat;
import org.pilotage.ingestion.stage.StageContext;
import org.pilotage.ingestion.stage.StagedFile;
import org.pilotage.ingestion.stage.Stager;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ingestion's one step, in three phases:
 * <ol>
 * <li>stage: the file's records as text columns in the ingestion's workspace;</li>
 * <li>check: every rule of the contract in SQL, duplicates inside the file, the reject report and the skip limit;</li>
 * <li>publish: the valid rows, the manifest entry and the ingestion's end.</li>
 * </ol>
 * The workspace is written on connections of its own, first; then everything the store keeps (what staging learned,
 * the reject report, the counts, the published rows, the manifest and the ingestion's end) is written in the step's
 * one transaction, with Spring Batch's record of the step: a stop or a failure leaves nothing half written, and a
 * restart runs the step again from the stored file (publishing does nothing for content the manifest already holds).
 * One step and not three: each step costs Spring Batch about ten statements of its own, a third of the time of a
 * small file. Each phase's time (ms) is kept in the step's execution context: {@code stage.ms}, {@code check.ms},
 * {@code publish.ms}.
 */
public class LoadStep implements Tasklet {

    public static final String EXIT_REJECTED = "REJECTED";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StepSupport support;
    private final IngestionProperties properties;
    public LoadStep(StepSupport support, IngestionProperties properties) {
        this.support = support;
        this.properties = properties;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) throws Exception {
        return support.run(contribution, chunk, id -> load(id, contribution, StepSupport.params(chunk),
                chunk.getStepContext().getStepExecution().getExecutionContext()));
    }

    private void load(long id, StepContribution contribution, JobParameters p, ExecutionContext times) throws Exception {
        FileKind kind = FileKind.ofCode(p.getString(StepSupport.P_KIND)).orElseThrow();
        Workspace ws = new Workspace(id);
        long t = System.nanoTime();
        StagedFile staged = stage(id, ws, p, true);
        t = timed(times, "stage", t);
        support.checkStop(id);
        boolean done = check(id, ws, kind, staged.direct());
        if (!done) {
            // Read straight from the file, it holds a row to reject or a key twice: staged with its lines, checked again.
            support.checkStop(id);
            try (Connection c = support.dataSource.getConnection()) {
                Workspace.execute(c, ws.script("staged-view-drop", Map.of()));
            }
            staged = stage(id, ws, p, false);
            check(id, ws, kind, false);
        }
        times.putString("read", staged.direct() ? "straight from the file" : done ? "staged" : "straight from the file, then staged");
        // From here on, the step's transaction: it begins with its first statement, after the workspace was written.
        support.jdbc.update(SqlQueries.get("ingestions/staged"), new MapSqlParameterSource("id", id)
                .addValue("encoding", staged.encoding()).addValue("delimiter", staged.delimiter())
                .addValue("header", JSON.writeValueAsString(staged.header())));
        Checked checked = judge(id, ws, contribution);
        t = timed(times, "check", t);
        if (!checked.refused()) {
            publish(id, ws, kind, p.getString(StepSupport.P_SHA256), checked, contribution);
            timed(times, "publish", t);
        }
    }

    /**
     * Stage: the file's records as text columns in the workspace, and what was learned of the file, kept there too. With
     * {@code direct}, a CSV file its scan found clean is not copied but read by the check straight from the file.
     */
    private StagedFile stage(long id, Workspace ws, JobParameters p, boolean direct) throws Exception {
        Path file = Path.of(p.getString(StepSupport.P_FILE));
        FileFormat format = FileFormat.ofCode(p.getString(StepSupport.P_FORMAT)).orElseThrow();
        FileKind kind = FileKind.ofCode(p.getString(StepSupport.P_KIND)).orElseThrow();
        support.progress.started(id, Stager.of(format).estimateRows(file));
        Path work = support.store.dataDir().resolve("work");
        Files.createDirectories(work);
        // A file DuckDB cannot read must not abort the step's record of it: staging runs outside the step's transaction.
        try (Connection c = support.dataSource.getConnection();
             ArrowMemory.Scope memory = ArrowMemory.scope("ingestion-" + id, Long.MAX_VALUE)) {
            if (direct) { // the step's first staging: nothing of an earlier attempt is read again
                ws.drop(c);
            }
            Workspace.execute(c, ws.script("workspace-create", Map.of()));
            StagedFile staged = Stager.stage(file, format, kind, ws.schema(), new StageContext(c, work, support.probe(id), memory.allocator()),
                    direct);
            ws.saveContext(c, Workspace.Context.of(staged));
            return staged;
        }
    }

    /**
     * Check, in the workspace: every row against the contract (the long statement of a load), then duplicate keys. A file
     * read straight ({@code direct}) has no line numbers for a reject report: false, and nothing more done, when it holds
     * a row to reject or two rows that may share a key (or when DuckDB's reader stumbles on it: staging will say where).
     */
    private boolean check(long id, Workspace ws, FileKind kind, boolean direct) throws Exception {
        try (Connection w = support.dataSource.getConnection()) {
            Workspace.Context context = ws.loadContext(w);
            Map<String, String> templates = context.templates(ws.schema());
            try {
                support.probe(id).execute(w, ws.script(prefix(kind) + "-check", templates));
            } catch (java.sql.SQLException e) {
                if (direct) {
                    return false;
                }
                throw e;
            }
            long[] counts = counts(w, ws);
            if (direct && (counts[1] > 0 || Workspace.test(w, ws.script("duplicate-keys-any", Map.of())))) {
                return false;
            }
            support.progress.phase(id, Phase.CHECKING, counts[0]);
            if (!direct) { // a file read straight reached here with no key twice
                support.runCancellable(id, w, ws.script(prefix(kind) + "-duplicates", templates));
            }
            if (kind != FileKind.INDICATOR_CATALOGUE) {
                Workspace.execute(w, ws.script("references-collect", Map.of()));
            }
            return true;
        }
    }

    /** Rows checked, of them rejected, and whether the file is refused as a whole (no rows, or too many rejected). */
    private record Checked(long read, long rejected, boolean refused) {
    }

    /** The reject report, the counts and the skip limit's verdict. */
    private Checked judge(long id, Workspace ws, StepContribution contribution) throws Exception {
        Connection c = support.connection();
        long[] counts = counts(c, ws);
        long read = counts[0];
        long rejected = counts[1];
        support.jdbc.update(SqlQueries.get("ingestions/rejects-clear"), new MapSqlParameterSource("id", id));
        if (rejected > 0) {
            Workspace.execute(c, ws.script("rejects", Map.of()));
        }
        Sentence message = null;
        if (read == 0) {
            message = Sentence.of("ingestion.no-rows");
        } else if (properties.tooManyRejected(rejected, read)) {
            message = Sentence.of("ingestion.too-many-rejected", rejected, read, properties.skipLimitPercent(), properties.skipLimitRows());
        }
        support.jdbc.update(SqlQueries.get("ingestions/checked"), new MapSqlParameterSource("id", id)
                .addValue("read", read).addValue("rejected", rejected)
                .addValue("message", message == null ? null : message.key())
                .addValue("messageArgs", message == null ? null : SentenceColumns.args(message)));
        contribution.incrementFilterCount(rejected);
        if (message != null) {
            contribution.setExitStatus(new ExitStatus(EXIT_REJECTED, message.key()));
        } else {
            support.progress.phase(id, Phase.PUBLISHING, read);
        }
        return new Checked(read, rejected, message != null);
    }

    /** The checked rows and, of them, the rejected ones. */
    private static long[] counts(Connection c, Workspace ws) throws java.sql.SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(ws.script("count-checked", Map.of()))) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    /** Publish: the valid rows, the manifest entry and the ingestion's end. */
    private void publish(long id, Workspace ws, FileKind kind, String sha256, Checked checked, StepContribution contribution)
            throws Exception {
        Connection c = support.connection();
        if (Boolean.TRUE.equals(support.jdbc.queryForObject(SqlQueries.get("ingestions/manifest-has"),
                new MapSqlParameterSource("sha256", sha256), Boolean.class))) {
            return; // published before a stop cut the job short: nothing to do twice
        }
        long rejected = checked.rejected();
        long written = checked.read() - rejected;
        if (kind != FileKind.INDICATOR_CATALOGUE) {
            support.runCancellable(id, c, ws.script("references-publish", Map.of()));
            String facts = kind == FileKind.INDICATOR_MEASURES ? "indicator_measure" : "project_count";
            // Replacing costs a join with everything published; skip it when the file's establishments have nothing yet.
            if (Workspace.test(c, ws.script("establishments-have-facts", Map.of("facts", facts)))) {
                support.runCancellable(id, c, ws.script(prefix(kind) + "-replace", Map.of()));
            }
        }
        support.runCancellable(id, c, ws.script(prefix(kind) + "-publish", Map.of()));
        support.jdbc.update(SqlQueries.get("ingestions/manifest-insert"), new MapSqlParameterSource("sha256", sha256).addValue("id", id));
        Sentence message = rejected == 0 ? Sentence.of("ingestion.loaded", written) : Sentence.of("ingestion.loaded-rejected", written, rejected);
        support.jdbc.update(SqlQueries.get("ingestions/completed"), new MapSqlParameterSource("id", id)
                .addValue("written", written).addValue("message", message.key()).addValue("messageArgs", SentenceColumns.args(message)));
        contribution.incrementWriteCount(written);
    }

    private static long timed(ExecutionContext times, String phase, long since) {
        long now = System.nanoTime();
        times.putLong(phase + ".ms", TimeUnit.NANOSECONDS.toMillis(now - since));
        return now;
    }

    static String prefix(FileKind kind) {
        return switch (kind) {
            case INDICATOR_MEASURES -> "measures";
            case PROJECT_COUNTS -> "counts";
            case INDICATOR_CATALOGUE -> "catalogue";
        };
    }
}
