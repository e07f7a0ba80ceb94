package org.pilotage.ingestion.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.duckdb.DuckDBPreparedStatement;
import org.pilotage.analytics.store.DuckDbStore;
import org.pilotage.ingestion.progress.IngestionProgress;
import org.pilotage.ingestion.stage.ProgressProbe;
import org.pilotage.ingestion.kind.UnreadableFileException;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * What the steps of an ingestion share: their parameters, the step's transactional connection, and the
 * running of a long statement that reports DuckDB's progress and that a stop cancels.
 */
public class StepSupport implements AutoCloseable {

    /** A step's exit when the file cannot be read; the sentence is kept with the ingestion's progress. */
    public static final String EXIT_UNREADABLE = "UNREADABLE";
    static final String P_INGESTION = "ingestion.id";
    static final String P_SHA256 = "sha256";
    static final String P_KIND = "kind";
    static final String P_FORMAT = "format";
    static final String P_FILE = "file";

    final DuckDbStore store;
    final DataSource dataSource;
    final IngestionProgress progress;
    /** Joins the step's transaction: what a step writes and Spring Batch's record of the step commit together. */
    final NamedParameterJdbcTemplate jdbc;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ingestion-progress");
        t.setDaemon(true);
        return t;
    });

    public StepSupport(DuckDbStore store, IngestionProgress progress) {
        this.store = store;
        this.dataSource = store.dataSource();
        this.progress = progress;
        this.jdbc = new NamedParameterJdbcTemplate(new JdbcTemplate(dataSource));
    }

    /** A step's work, given its ingestion. */
    @FunctionalInterface
    interface Body {
        void run(long ingestionId) throws Exception;
    }

    /**
     * Runs a step's work; when a stop was asked (by a steward, or by the service stopping) whatever the
     * cancelled statement threw becomes Spring Batch's interruption, so that the step and the job end
     * STOPPED, as an interruption and not as an error.
     */
    RepeatStatus run(StepContribution contribution, ChunkContext chunk, Body body) throws Exception {
        long id = id(chunk);
        try {
            checkStop(id);
            body.run(id);
            checkStop(id);
            return RepeatStatus.FINISHED;
        } catch (UnreadableFileException e) {
            // The file's fault, with its sentence: the job fails through its flow, not as an error of the service.
            progress.unreadable(id, e.sentence());
            contribution.setExitStatus(new ExitStatus(EXIT_UNREADABLE));
            return RepeatStatus.FINISHED;
        } catch (Exception e) {
            if (progress.stopRequested(id)) {
                throw new JobInterruptedException("stop requested");
            }
            throw e;
        }
    }

    static long id(ChunkContext chunk) {
        return params(chunk).getLong(P_INGESTION);
    }

    static JobParameters params(ChunkContext chunk) {
        return chunk.getStepContext().getStepExecution().getJobParameters();
    }

    Connection connection() {
        return DataSourceUtils.getConnection(dataSource);
    }

    /** Runs the long statement of a stage, reporting DuckDB's progress and letting a stop cancel it. */
    ProgressProbe probe(long id) {
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

    void runCancellable(long id, Connection c, String sql) throws SQLException {
        checkStop(id);
        try (Statement st = c.createStatement()) {
            progress.cancelWith(id, () -> cancel(st));
            try {
                st.execute(sql);
            } finally {
                progress.cancelWith(id, null);
            }
        }
        checkStop(id);
    }

    void checkStop(long id) {
        if (progress.stopRequested(id)) {
            throw new IngestionStoppedException();
        }
    }

    private static void cancel(Statement st) {
        try {
            st.cancel();
        } catch (SQLException ignored) {
            // the statement ended on its own
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }

    /** A steward, or the service stopping, asked the ingestion to stop. */
    public static final class IngestionStoppedException extends RuntimeException {
        IngestionStoppedException() {
            super("stop requested", null, false, false);
        }
    }
}
