package org.pilotage.ingestion.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;

import org.pilotage.analytics.store.ArrowMemory;
import org.pilotage.analytics.store.SqlQueries;
import org.pilotage.ingestion.kind.FileKind;
import org.pilotage.ingestion.stage.FileFormat;
import org.pilotage.ingestion.stage.StageContext;
import org.pilotage.ingestion.stage.StagedFile;
import org.pilotage.ingestion.stage.Stager;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import tools.jackson.databind.json.JsonMapper;

/** Stage: the file's records as text columns in the ingestion's workspace, and what was learned of the file. */
public class StageStep implements Tasklet {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StepSupport support;

    public StageStep(StepSupport support) {
        this.support = support;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) throws Exception {
        return support.run(contribution, chunk, id -> work(id, contribution, chunk));
    }

    private void work(long id, StepContribution contribution, ChunkContext chunk) throws Exception {
        JobParameters p = StepSupport.params(chunk);
        Path file = Path.of(p.getString(StepSupport.P_FILE));
        FileFormat format = FileFormat.ofCode(p.getString(StepSupport.P_FORMAT)).orElseThrow();
        FileKind kind = FileKind.ofCode(p.getString(StepSupport.P_KIND)).orElseThrow();
        Workspace ws = new Workspace(id);
        support.progress.started(id, Stager.of(format).estimateRows(file));
        Path work = support.store.dataDir().resolve("work");
        Files.createDirectories(work);
        StagedFile staged;
        // Staging runs on a connection of its own, outside the step's transaction: what it writes is the ingestion's
        // workspace, rebuilt by any restart, and a file DuckDB cannot read must not abort the step's record of it.
        try (Connection c = support.dataSource.getConnection();
             ArrowMemory.Scope memory = ArrowMemory.scope("ingestion-" + id, Long.MAX_VALUE)) {
            Workspace.execute(c, ws.script("workspace-create", Map.of()));
            staged = Stager.stage(file, format, kind, ws.schema(), new StageContext(c, work, support.probe(id), memory.allocator()));
            ws.saveContext(c, Workspace.Context.of(staged));
        }
        support.jdbc.update(SqlQueries.get("ingestions/staged"), new MapSqlParameterSource("id", id)
                .addValue("encoding", staged.encoding()).addValue("delimiter", staged.delimiter())
                .addValue("header", JSON.writeValueAsString(staged.header())));
    }
}
