package org.pilotage.ingestion.jobs;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import org.pilotage.analytics.store.SqlQueries;
import org.pilotage.analytics.text.Sentence;
import org.pilotage.ingestion.log.SentenceColumns;
import org.pilotage.ingestion.kind.FileKind;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/** Publish: the valid rows, the manifest entry and the ingestion's end, in one transaction. */
public class PublishStep implements Tasklet {

    private final StepSupport support;

    public PublishStep(StepSupport support) {
        this.support = support;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) throws Exception {
        return support.run(contribution, chunk, id -> work(id, contribution, chunk));
    }

    private void work(long id, StepContribution contribution, ChunkContext chunk) throws Exception {
        FileKind kind = FileKind.ofCode(StepSupport.params(chunk).getString(StepSupport.P_KIND)).orElseThrow();
        String sha256 = StepSupport.params(chunk).getString(StepSupport.P_SHA256);
        Workspace ws = new Workspace(id);
        Connection c = support.connection();
        if (Boolean.TRUE.equals(support.jdbc.queryForObject(SqlQueries.get("ingestions/manifest-has"),
                new MapSqlParameterSource("sha256", sha256), Boolean.class))) {
            return; // published before a stop cut the job short: nothing to do twice
        }
        long read;
        long rejected;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(ws.script("count-checked", Map.of()))) {
            rs.next();
            read = rs.getLong(1);
            rejected = rs.getLong(2);
        }
        long written = read - rejected;
        if (kind != FileKind.INDICATOR_CATALOGUE) {
            support.runCancellable(id, c, ws.script("references-publish", Map.of()));
            String facts = kind == FileKind.INDICATOR_MEASURES ? "indicator_measure" : "project_count";
            // Replacing costs a join with everything published; skip it when the file's establishments have nothing yet.
            if (Workspace.test(c, ws.script("establishments-have-facts", Map.of("facts", facts)))) {
                support.runCancellable(id, c, ws.script(CheckStep.prefix(kind) + "-replace", Map.of()));
            }
        }
        support.runCancellable(id, c, ws.script(CheckStep.prefix(kind) + "-publish", Map.of()));
        support.jdbc.update(SqlQueries.get("ingestions/manifest-insert"), new MapSqlParameterSource("sha256", sha256).addValue("id", id));
        Sentence message = rejected == 0 ? Sentence.of("ingestion.loaded", written) : Sentence.of("ingestion.loaded-rejected", written, rejected);
        support.jdbc.update(SqlQueries.get("ingestions/completed"), new MapSqlParameterSource("id", id)
                .addValue("written", written).addValue("message", message.key()).addValue("messageArgs", SentenceColumns.args(message)));
        contribution.incrementWriteCount(written);
    }
}
