package org.pilotage.ingestion;

import java.time.LocalDateTime;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.pilotage.analytics.store.StoreErrors;
import org.pilotage.analytics.text.Sentence;
import org.pilotage.ingestion.jobs.IngestionJobConfiguration;
import org.pilotage.ingestion.log.Ingestion;
import org.pilotage.ingestion.log.IngestionLog;
import org.pilotage.ingestion.log.IngestionStatus;
import org.pilotage.ingestion.progress.IngestionEvents;
import org.pilotage.ingestion.progress.IngestionProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * The ingestions waiting for the one worker that runs their jobs, one at a time (DuckDB writes best
 * alone). When the service stops, the running job is asked to stop and is waited for, so that the store
 * closes after it; the ingestion is then resumed at the next start.
 */
public class IngestionQueue implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IngestionQueue.class);
    /** Within Spring Boot's graceful shutdown period (30 s by default). */
    private static final long STOP_WAIT_SECONDS = 25;

    private final IngestionLog ingestionLog;
    private final IngestionProgress progress;
    private final IngestionEvents events;
    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job job;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ingestion-worker");
        t.setDaemon(true);
        return t;
    });

    public IngestionQueue(IngestionLog ingestionLog, IngestionProgress progress, IngestionEvents events, JobOperator jobOperator,
                          JobRepository jobRepository, Job job) {
        this.ingestionLog = ingestionLog;
        this.progress = progress;
        this.events = events;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.job = job;
    }

    void submit(long id) {
        progress.queued(id);
        worker.submit(() -> launch(id));
    }

    /** Job executions the repository still shows as running were cut by a stop of the service: marked failed. */
    void recoverExecutions() {
        for (JobExecution execution : jobRepository.findRunningJobExecutions(IngestionJobConfiguration.JOB_NAME)) {
            jobOperator.recover(execution);
            log.info("Job execution {} was cut by a stop of the service; marked failed", execution.getId());
        }
    }

    /**
     * An execution whose end could not be written (the disk was full as it ended) is left UNKNOWN or without an
     * end, and Spring Batch never runs its job instance again after that: the same file could never be loaded
     * again. The one worker is here, so no execution runs; nothing of it was published (publication commits
     * in one transaction, and the ingestion log says what became of it): it is recorded as failed, its steps too.
     */
    private void settleUnknown(JobParameters parameters) {
        JobInstance instance = jobRepository.getJobInstance(IngestionJobConfiguration.JOB_NAME, parameters);
        if (instance == null) {
            return;
        }
        for (JobExecution execution : jobRepository.getJobExecutions(instance)) {
            LocalDateTime now = LocalDateTime.now();
            // A step whose end could not be written stays UNKNOWN even when its job's end was written later.
            for (StepExecution step : execution.getStepExecutions()) {
                if (step.getStatus() == BatchStatus.UNKNOWN || step.getEndTime() == null) {
                    step.setStatus(BatchStatus.FAILED);
                    step.setExitStatus(ExitStatus.FAILED.addExitDescription("end not recorded (store unwritable)"));
                    step.setEndTime(now);
                    jobRepository.update(step);
                    log.info("Step execution {} had no recorded end (the store could not be written); marked failed", step.getId());
                }
            }
            if (execution.getStatus() != BatchStatus.UNKNOWN && execution.getEndTime() != null) {
                continue;
            }
            execution.setStatus(BatchStatus.FAILED);
            execution.setExitStatus(ExitStatus.FAILED.addExitDescription("end not recorded (store unwritable)"));
            execution.setEndTime(now);
            jobRepository.update(execution);
            log.info("Job execution {} had no recorded end (the store could not be written); marked failed", execution.getId());
        }
    }

    private void launch(long id) {
        if (progress.shuttingDown()) {
            return; // stays QUEUED: resumed at the next start
        }
        Ingestion i;
        try {
            ingestionLog.flushPending();
            // One job at a time: an execution still marked running is one whose end could not be written (a full disk).
            recoverExecutions();
            i = ingestionLog.find(id).orElse(null);
        } catch (RuntimeException e) {
            log.warn("Ingestion {} could not start: {}", id, e.toString());
            progress.ended(id);
            return;
        }
        if (i == null || i.status() != IngestionStatus.QUEUED && i.status() != IngestionStatus.RUNNING) {
            progress.ended(id);
            return;
        }
        JobParameters parameters = new JobParametersBuilder()
                .addString("sha256", i.sha256(), true)
                .addString("kind", i.kind(), true)
                .addLong("ingestion.id", id, false)
                .addString("file", i.storedFile(), false)
                .addString("format", i.format(), false)
                .toJobParameters();
        try {
            settleUnknown(parameters);
            jobOperator.start(job, parameters);
        } catch (Exception e) {
            boolean diskFull = StoreErrors.diskFull(e);
            log.warn("Ingestion {} could not start or end its job: {}", id, e.toString());
            try {
                if (!ingestionLog.find(id).map(Ingestion::ended).orElse(true)) {
                    ingestionLog.ended(id, IngestionStatus.FAILED, Sentence.of(diskFull ? "ingestion.disk-full" : "ingestion.not-started"));
                }
                progress.ended(id);
                ingestionLog.find(id).ifPresent(events::ended);
            } catch (RuntimeException ignored) {
                // the store answers nothing: the ingestion is resumed at the next start
                progress.ended(id);
            }
        }
    }

    @Override
    public void close() {
        progress.shutdown();
        worker.shutdown();
        try {
            if (!worker.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                log.warn("The ingestion worker did not stop within {} s", STOP_WAIT_SECONDS);
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            worker.shutdownNow();
        }
    }
}
