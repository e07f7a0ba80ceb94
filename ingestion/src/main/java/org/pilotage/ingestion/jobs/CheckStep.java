package org.pilotage.ingestion.jobs;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import org.pilotage.analytics.store.SqlQueries;
import org.pilotage.analytics.text.Sentence;
import org.pilotage.ingestion.log.SentenceColumns;
import org.pilotage.ingestion.IngestionProperties;
import org.pilotage.ingestion.kind.FileKind;
import org.pilotage.ingestion.progress.IngestionProgress.Phase;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/** Check: every rule of the contract in SQL, duplicates inside the file, the reject report and the skip limit. */
public class CheckStep implements Tasklet {

    public static final String EXIT_REJECTED = "REJECTED";

    private final StepSupport support;
    private final IngestionProperties properties;

    public CheckStep(StepSupport support, IngestionProperties properties) {
        this.support = support;
        this.properties = properties;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) throws Exception {
        return support.run(contribution, chunk, id -> work(id, contribution, chunk));
    }

    private void work(long id, StepContribution contribution, ChunkContext chunk) throws Exception {
        FileKind kind = FileKind.ofCode(StepSupport.params(chunk).getString(StepSupport.P_KIND)).orElseThrow();
        Workspace ws = new Workspace(id);
        long read;
        long rejected;
        // The checks write the workspace, on a connection of their own: the step's transaction writes the store.
        try (Connection w = support.dataSource.getConnection()) {
            Workspace.Context context = ws.loadContext(w);
            Map<String, String> templates = context.templates(ws.schema());
            // The long statement of a load: DuckDB parses and checks every staged row in one pass.
            support.probe(id).execute(w, ws.script(prefix(kind) + "-check", templates));
            support.progress.phase(id, Phase.CHECKING, Workspace.count(w, ws.script("count-checked", Map.of())));
            support.runCancellable(id, w, ws.script(prefix(kind) + "-duplicates", templates));
            if (kind != FileKind.INDICATOR_CATALOGUE) {
                Workspace.execute(w, ws.script("references-collect", Map.of()));
            }
        }
        Connection c = support.connection();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(ws.script("count-checked", Map.of()))) {
            rs.next();
            read = rs.getLong(1);
            rejected = rs.getLong(2);
        }
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
        }
        support.progress.phase(id, Phase.PUBLISHING, read);
    }

    static String prefix(FileKind kind) {
        return switch (kind) {
            case INDICATOR_MEASURES -> "measures";
            case PROJECT_COUNTS -> "counts";
            case INDICATOR_CATALOGUE -> "catalogue";
        };
    }
}
