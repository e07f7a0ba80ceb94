package org.pilotage.ingestion.jobs;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.pilotage.analytics.store.DataVersion;
import org.pilotage.ingestion.kind.UnreadableFileException;
import org.pilotage.ingestion.log.Ingestion;
import org.pilotage.ingestion.log.IngestionLog;
import org.pilotage.ingestion.log.IngestionStatus;
import org.pilotage.ingestion.progress.IngestionEvents;
import org.pilotage.ingestion.progress.IngestionProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Keeps the ingestion log in step with the job: RUNNING when it starts, FAILED or STOPPED with one
 * sentence when it ends without publishing (a publish writes COMPLETED itself, in its transaction),
 * the workspace dropped once published, metrics and one log line per ingestion.
 */
public class IngestionJobListener implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(IngestionJobListener.class);

    private final IngestionLog ingestionLog;
    private final IngestionProgress progress;
    private final IngestionEvents events;
    private final DataSource dataSource;
    private final MeterRegistry meters;
    private final java.nio.file.Path work;
    private final DataVersion dataVersion;

    public IngestionJobListener(IngestionLog ingestionLog, IngestionProgress progress, IngestionEvents events,
                                DataSource dataSource, MeterRegistry meters, java.nio.file.Path work, DataVersion dataVersion) {
        this.dataVersion = dataVersion;
        this.ingestionLog = ingestionLog;
        this.progress = progress;
        this.events = events;
        this.dataSource = dataSource;
        this.meters = meters;
        this.work = work;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        long id = execution.getJobParameters().getLong(IngestionTasklets.P_INGESTION);
        ingestionLog.running(id, execution.getId());
    }

    @Override
    public void afterJob(JobExecution execution) {
        long id = execution.getJobParameters().getLong(IngestionTasklets.P_INGESTION);
        boolean stopped = progress.stopRequested(id);
        if (execution.getStatus() != BatchStatus.COMPLETED || execution.getExitStatus().getExitCode().equals("FAILED")) {
            if (stopped) {
                ingestionLog.ended(id, IngestionStatus.STOPPED, "Chargement arrêté à la demande ; rien n'a été publié.");
            } else {
                ingestionLog.ended(id, IngestionStatus.FAILED, failureMessage(execution));
            }
        }
        Ingestion ingestion = ingestionLog.find(id).orElseThrow();
        // A restart rebuilds everything from the stored file: the workspace is not kept.
        dropWorkspace(id);
        progress.ended(id);
        record(ingestion, execution);
        if (ingestion.status() == IngestionStatus.COMPLETED) {
            dataVersion.changed(); // cached dashboards are stale from now on
        }
        events.ended(ingestion);
    }

    /** The sentence a steward reads: the check's own verdict, a file that cannot be read, or the first failure. */
    private String failureMessage(JobExecution execution) {
        for (Throwable t : execution.getAllFailureExceptions()) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                if (c instanceof UnreadableFileException u) {
                    String m = u.french();
                    return Character.toUpperCase(m.charAt(0)) + m.substring(1) + ".";
                }
            }
        }
        for (var step : execution.getStepExecutions()) {
            if (step.getExitStatus().getExitCode().equals(IngestionTasklets.EXIT_REJECTED)) {
                return null; // the check wrote its own sentence
            }
        }
        if (!execution.getAllFailureExceptions().isEmpty()) {
            Throwable t = execution.getAllFailureExceptions().getFirst();
            log.warn("Ingestion job {} failed", execution.getId(), t);
            String m = String.valueOf(t.getMessage());
            int nl = m.indexOf('\n');
            return "Le chargement a échoué : " + (nl < 0 ? m : m.substring(0, nl)).strip();
        }
        return "Le chargement a échoué.";
    }

    private void dropWorkspace(long id) {
        Workspace ws = new Workspace(id);
        try (Connection c = dataSource.getConnection()) {
            ws.drop(c);
        } catch (SQLException e) {
            log.warn("Could not drop the workspace of ingestion {}", id, e);
        }
        try {
            java.nio.file.Files.deleteIfExists(org.pilotage.ingestion.stage.Stager.workFile(work, ws.schema()));
        } catch (java.io.IOException e) {
            log.warn("Could not delete the work file of ingestion {}", id, e);
        }
    }

    private void record(Ingestion i, JobExecution execution) {
        Duration duration = execution.getStartTime() == null || execution.getEndTime() == null ? Duration.ZERO
                : Duration.between(execution.getStartTime(), execution.getEndTime());
        String kind = i.kind() == null ? "unknown" : i.kind();
        Counter.builder("pilotage.ingestions").description("Ingestions ended, by kind and outcome")
                .tag("kind", kind).tag("status", i.status().name()).register(meters).increment();
        Timer.builder("pilotage.ingestion.duration").description("Time from job start to end")
                .tag("kind", kind).tag("status", i.status().name()).register(meters).record(duration);
        Counter.builder("pilotage.ingestion.rows").tag("kind", kind).tag("outcome", "read").register(meters).increment(i.rowsRead());
        Counter.builder("pilotage.ingestion.rows").tag("kind", kind).tag("outcome", "written").register(meters).increment(i.rowsWritten());
        Counter.builder("pilotage.ingestion.rows").tag("kind", kind).tag("outcome", "rejected").register(meters).increment(i.rowsRejected());
        log.info("Ingestion {} '{}' ({}) {} in {} ms: {} read, {} written, {} rejected — {}", i.id(), i.fileName(), kind,
                i.status(), duration.toMillis(), i.rowsRead(), i.rowsWritten(), i.rowsRejected(), i.message());
    }
}
