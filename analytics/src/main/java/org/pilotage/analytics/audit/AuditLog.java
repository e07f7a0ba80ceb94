package org.pilotage.analytics.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.pilotage.analytics.access.Caller;
import org.pilotage.analytics.store.SqlQueries;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends who did what, to what, when and from where ({@code queries/audit}); nothing here updates or
 * deletes an entry. The feature service that makes a change records it, once.
 *
 * <p>Changes are written at once. Downloads, which come by the hundred a second when wall screens and
 * scripts ask for images, are queued with the moment they happened and written together by one thread, in
 * one transaction, as soon as the previous batch is written: a commit per image was what saturated the
 * service under load (bench/dashboard.sh). Every read of the log, and every other record, first writes
 * what is queued, so the log reads in order and complete; only a process killed in the few milliseconds
 * between a download and its batch loses it.
 */
public class AuditLog implements AutoCloseable {

    public record Event(long id, Instant at, String username, String action, String target, String detail, String remote) {
    }

    /** The actions written in batches. */
    private static final Set<String> BATCHED = Set.of("download");
    private static final int MAX_QUEUED = 10_000;
    /** Put in the queue by {@link #close()}: the writer ends once the batch it is writing is written (never interrupted). */
    private static final MapSqlParameterSource STOP = new MapSqlParameterSource();

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final LinkedBlockingQueue<MapSqlParameterSource> queued = new LinkedBlockingQueue<>();
    /**
     * Tells the writer there is something to write, without handing it over: what is written is taken from the queue
     * under the writing lock only, so that an event recorded after another is never written before it.
     */
    private final Semaphore pending = new Semaphore(0);
    private final Object writing = new Object();
    private final Thread writer;
    private volatile boolean open = true;

    /** @param transactions the store's, for a batch in one commit; null writes every event at once */
    public AuditLog(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.writer = transactions == null ? null : Thread.ofPlatform().daemon().name("audit-writer").start(this::writeQueued);
    }

    public AuditLog(NamedParameterJdbcTemplate jdbc) {
        this(jdbc, null);
    }

    public AuditLog(org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this(new NamedParameterJdbcTemplate(jdbc));
    }

    public void record(Caller caller, String action, String target, String detail) {
        record(caller.username(), action, target, detail, caller.remote());
    }

    public void record(String username, String action, String target, String detail, String remote) {
        MapSqlParameterSource event = new MapSqlParameterSource("username", username == null ? "?" : username)
                .addValue("action", action).addValue("target", target).addValue("detail", detail).addValue("remote", remote)
                .addValue("at", Instant.now().toString());
        if (writer != null && open && BATCHED.contains(action) && queued.size() < MAX_QUEUED) {
            queued.add(event);
            pending.release();
            return;
        }
        synchronized (writing) {
            flush();
            jdbc.update(SqlQueries.get("audit/record-at"), event);
        }
    }

    /** Writes what is queued, now. */
    public void flush() {
        if (writer != null) {
            writeBatch();
        }
    }

    /** Writes all that is queued, in one transaction; true when the queue asked to stop. */
    private boolean writeBatch() {
        synchronized (writing) {
            List<MapSqlParameterSource> batch = new ArrayList<>();
            queued.drainTo(batch);
            boolean stop = batch.remove(STOP);
            if (!batch.isEmpty()) {
                transactions.executeWithoutResult(tx -> jdbc.batchUpdate(SqlQueries.get("audit/record-at"),
                        batch.toArray(new MapSqlParameterSource[0])));
            }
            return stop;
        }
    }

    private void writeQueued() {
        while (open) {
            try {
                if (pending.tryAcquire(1, TimeUnit.SECONDS)) {
                    pending.drainPermits();
                    if (writeBatch()) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // the store refuses writes (a full disk): the events stay lost for the log, the service goes on
                LoggerFactory.getLogger(AuditLog.class).warn("Audit events could not be written: {}", e.toString());
            }
        }
    }

    /** Writes what is queued and stops the writer (the store closes after this). */
    @Override
    public void close() {
        open = false;
        if (writer != null) {
            queued.add(STOP); // DuckDB would cut short a statement of an interrupted thread: the writer is asked to end instead
            pending.release();
            try {
                writer.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                flush();
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(AuditLog.class).warn("Audit events could not be written at close: {}", e.toString());
            }
        }
    }

    /** The newest events first. */
    public List<Event> recent(int limit) {
        return find(null, null, null, null, limit);
    }

    /** Events matching the filters (null = any), newest first. */
    public List<Event> find(String username, String action, Instant since, Instant until, int limit) {
        flush();
        var params = new MapSqlParameterSource()
                .addValue("username", username == null || username.isBlank() ? null : username.strip())
                .addValue("action", action == null || action.isBlank() ? null : action)
                .addValue("since", since == null ? null : since.toString())
                .addValue("until", until == null ? null : until.toString())
                .addValue("limit", limit);
        return jdbc.query(SqlQueries.get("audit/events"), params,
                (rs, i) -> new Event(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("username"),
                        rs.getString("action"), rs.getString("target"), rs.getString("detail"), rs.getString("remote")));
    }

    public List<String> actions() {
        flush();
        return jdbc.queryForList(SqlQueries.get("audit/actions"), new MapSqlParameterSource(), String.class);
    }
}
