package org.pilotage.ingestion.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.pilotage.analytics.store.DataVersion;
import org.pilotage.analytics.store.DuckDbStore;
import org.pilotage.analytics.text.Sentence;
import org.pilotage.ingestion.kind.FileKind;
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
 * back in the queue when the service stopped under it, the workspace dropped, metrics and one log line
 * per ingestion.
 */
public class IngestionJobListener implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(IngestionJobListener.class);

    private final IngestionLog ingestionLog;
    private final IngestionProgress progress;
    private final IngestionEvents events;
    private final DataSource dataSource;
    private final MeterRegistry meters;
    private final Path work;
    private final DataVersion dataVersion;
    private final DuckDbStore store;

    public IngestionJobListener(IngestionLog ingestionLog, IngestionProgress progress, IngestionEvents events,
                                DuckDbStore store, MeterRegistry meters, DataVersion dataVersion) {
        this.dataVersion = dataVersion;
        this.ingestionLog = ingestionLog;
        this.progress = progress;
        this.events = events;
        this.store = store;
        this.dataSource = store.dataSource();
        this.meters = meters;
        this.work = store.dataDir().resolve("work");
    }

    @Override
    public void beforeJob(JobExecution execution) {
        long id = execution.getJobParameters().getLong(StepSupport.P_INGESTION);
        ingestionLog.running(id, execution.getId());
    }

    @Override
    public void afterJob(JobExecution execution) {
        long id = execution.getJobParameters().getLong(StepSupport.P_INGESTION);
        try {
            settle(id, execution);
        } catch (RuntimeException e) {
            // the store answers nothing (a full disk): whoever waits for the ingestion is told it ended all the same
            log.warn("Ingestion {} ended but its end could not be recorded: {}", id, e.toString());
            progress.ended(id);
            ingestionLog.find(id).ifPresent(events::ended);
        }
    }

    private void settle(long id, JobExecution execution) {
        boolean failed = execution.getStatus() != BatchStatus.COMPLETED || execution.getExitStatus().getExitCode().equals("FAILED");
        if (failed) {
            if (progress.shuttingDown()) {
                // The service is stopping: the ingestion is resumed at the next start, from its stored file.
                ingestionLog.requeue(id, false);
                log.info("Ingestion {} interrupted by the stop of the service; it will be resumed at the next start", id);
            } else if (progress.stopRequested(id)) {
                ingestionLog.ended(id, IngestionStatus.STOPPED, Sentence.of("ingestion.stopped"));
            } else {
                Sentence message = failureMessage(id, execution);
                ingestionLog.ended(id, IngestionStatus.FAILED, message);
                if (message != null && message.key().equals("ingestion.disk-full")) {
                    store.writeFailed(firstFailure(execution));
                }
            }
        } else {
            store.writeSucceeded();
        }
        Ingestion ingestion = ingestionLog.find(id).orElseThrow();
        Optional<Set<String>> written = ingestion.status() == IngestionStatus.COMPLETED ? writtenEstablishments(ingestion)
                : Optional.empty();
        // A restart rebuilds everything from the stored file: the workspace is not kept.
        dropWorkspace(id);
        progress.ended(id);
        record(ingestion, execution);
        if (ingestion.status() == IngestionStatus.COMPLETED) {
            // The cached results of the rooms it wrote rows for are stale from now on (everyone's, for a catalogue).
            written.ifPresentOrElse(dataVersion::changed, dataVersion::changed);
        }
        events.ended(ingestion);
    }

    /** The failure that says most: a full disk wherever it was met (the bookkeeping failures it causes come first), else the first. */
    private static Throwable firstFailure(JobExecution execution) {
        List<Throwable> all = execution.getAllFailureExceptions();
        return all.stream().filter(Failures::diskFull).findFirst().orElse(all.isEmpty() ? null : all.getFirst());
    }

    /** The sentence a steward reads: the check's own verdict (null), the file's fault, the disk, or an internal failure. */
    private Sentence failureMessage(long id, JobExecution execution) {
        if (progress.unreadable(id) != null) {
            return progress.unreadable(id); // the file's fault, said by the step that found it
        }
        for (var step : execution.getStepExecutions()) {
            if (step.getExitStatus().getExitCode().equals(LoadStep.EXIT_REJECTED)) {
                return null; // the check wrote its own sentence
            }
        }
        Throwable t = firstFailure(execution);
        if (t == null) {
            return Sentence.of("ingestion.failed", id);
        }
        if (!Failures.unreadable(t)) {
            log.warn("Ingestion {} (job execution {}) failed", id, execution.getId(), t);
        }
        return Failures.describe(t, id);
    }

    /**
     * The establishments whose rows a published file wrote, from its workspace; empty for a catalogue (which
     * every room reads) or when they cannot be read: then everything is taken as changed.
     */
    private Optional<Set<String>> writtenEstablishments(Ingestion ingestion) {
        if (FileKind.INDICATOR_CATALOGUE.code().equals(ingestion.kind())) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection()) {
            return Optional.of(new Workspace(ingestion.id()).writtenEstablishments(c));
        } catch (SQLException e) {
            log.warn("Could not read which establishments ingestion {} wrote: {}", ingestion.id(), e.getMessage());
            return Optional.empty();
        }
    }

    private void dropWorkspace(long id) {
        Workspace ws = new Workspace(id);
        try (Connection c = dataSource.getConnection()) {
            ws.drop(c);
        } catch (SQLException e) {
            log.warn("Could not drop the workspace of ingestion {}: {}", id, e.getMessage());
        }
        try {
            Files.deleteIfExists(work.resolve(ws.schema() + ".csv"));
            Files.deleteIfExists(work.resolve(ws.schema() + ".utf8"));
            Files.deleteIfExists(work.resolve(ws.schema() + ".parquet"));
        } catch (java.io.IOException e) {
            log.warn("Could not delete the work file of ingestion {}: {}", id, e.getMessage());
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
