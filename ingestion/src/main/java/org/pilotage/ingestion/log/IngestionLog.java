package org.pilotage.ingestion.log;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.pilotage.analytics.store.SqlQueries;
import org.pilotage.analytics.store.StoreErrors;
import org.pilotage.analytics.text.Sentence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The ingestion history kept in DuckDB: one row per file handed to Pilotage ({@code queries/ingestions}).
 * When the disk is full nothing can be written, not even that a load failed for that reason: such an end
 * is kept in memory, shown as if written, and written as soon as the store takes writes again.
 */
public class IngestionLog {

    private static final Logger log = LoggerFactory.getLogger(IngestionLog.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final Map<Long, Ended> pending = new ConcurrentHashMap<>();

    /** An end that could not be written yet. */
    private record Ended(IngestionStatus status, Sentence message, OffsetDateTime at) {
    }

    public IngestionLog(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static String sql(String name) {
        return SqlQueries.get("ingestions/" + name);
    }

    public long queued(String kind, String fileName, String sha256, String user, String storedFile, String format, long size) {
        return insert("QUEUED", kind, fileName, sha256, user, storedFile, format, size, null);
    }

    /** A file refused before any job ran (unreadable, unknown kind…): FAILED at once with its sentence. */
    public long failedBeforeStart(String kind, String fileName, String sha256, String user, String storedFile, String format,
                                  long size, Sentence message) {
        return insert("FAILED", kind, fileName, sha256, user, storedFile, format, size, message);
    }

    private long insert(String status, String kind, String fileName, String sha256, String user, String storedFile,
                        String format, long size, Sentence message) {
        Long id = jdbc.queryForObject(sql("insert"), new MapSqlParameterSource()
                .addValue("kind", kind).addValue("fileName", fileName).addValue("sha256", sha256).addValue("status", status)
                .addValue("user", user).addValue("storedFile", storedFile).addValue("format", format).addValue("size", size)
                .addValue("message", SentenceColumns.key(message)).addValue("messageArgs", SentenceColumns.args(message)), Long.class);
        return id == null ? -1 : id;
    }

    public long duplicate(String kind, String fileName, String sha256, String user, long earlier, Sentence message) {
        Long id = jdbc.queryForObject(sql("insert-duplicate"), new MapSqlParameterSource()
                .addValue("kind", kind).addValue("fileName", fileName).addValue("sha256", sha256).addValue("user", user)
                .addValue("earlier", earlier).addValue("message", SentenceColumns.key(message))
                .addValue("messageArgs", SentenceColumns.args(message)), Long.class);
        return id == null ? -1 : id;
    }

    /** A job execution took the ingestion up; a published one stays COMPLETED. */
    public void running(long id, long jobExecutionId) {
        jdbc.update(sql("running"), new MapSqlParameterSource("id", id).addValue("execution", jobExecutionId));
    }

    /** Ends an ingestion that did not publish (FAILED or STOPPED); never touches a COMPLETED one. A null message keeps the check's. */
    public void ended(long id, IngestionStatus status, Sentence message) {
        try {
            write(id, status, message);
            pending.remove(id);
        } catch (DataAccessException e) {
            if (!StoreErrors.diskFull(e)) {
                throw e;
            }
            pending.put(id, new Ended(status, message, OffsetDateTime.now()));
            log.warn("Ingestion {} ended {}, which cannot be written while the disk is full: kept until it can", id, status);
        }
    }

    private void write(long id, IngestionStatus status, Sentence message) {
        jdbc.update(sql("ended"), new MapSqlParameterSource("id", id).addValue("status", status.name())
                .addValue("message", SentenceColumns.key(message)).addValue("messageArgs", SentenceColumns.args(message)));
    }

    /** Writes the ends kept while the disk was full; those that still cannot be written stay. */
    public void flushPending() {
        for (var e : pending.entrySet()) {
            try {
                write(e.getKey(), e.getValue().status(), e.getValue().message());
                pending.remove(e.getKey(), e.getValue());
            } catch (DataAccessException ex) {
                return; // still no room
            }
        }
    }

    /** Back in the queue: a restart asked for, or ({@code interrupted}) a resume after the service stopped under it. */
    public void requeue(long id, boolean interrupted) {
        jdbc.update(sql("requeue"), new MapSqlParameterSource("id", id).addValue("interrupted", interrupted));
    }

    public Optional<Ingestion> find(long id) {
        return jdbc.query(sql("find"), new MapSqlParameterSource("id", id), this::map).stream().findFirst();
    }

    /** @param user only the ingestions this user launched, or null for everyone's */
    public List<Ingestion> recent(int limit, String user) {
        return jdbc.query(sql("recent"), new MapSqlParameterSource("limit", limit).addValue("user", user), this::map);
    }

    public List<Ingestion> recent(int limit) {
        return recent(limit, null);
    }

    /** Ingestions left QUEUED or RUNNING, oldest first: after a stop of the service, the ones to resume. */
    public List<Ingestion> unfinished() {
        return jdbc.query(sql("unfinished"), this::map).stream().filter(i -> !i.ended()).toList();
    }

    /** A load of the same content already queued or running. */
    public Optional<Ingestion> active(String sha256) {
        return jdbc.query(sql("active"), new MapSqlParameterSource("sha256", sha256), this::map).stream().filter(i -> !i.ended()).findFirst();
    }

    /** The published ingestion of this content, if any: read from the manifest written with the data. */
    public Optional<Ingestion> published(String sha256) {
        return jdbc.query(sql("published"), new MapSqlParameterSource("sha256", sha256), this::map).stream().findFirst();
    }

    /** The header of the file as written, for the reject report. */
    public Optional<String> header(long id) {
        return jdbc.query(sql("header"), new MapSqlParameterSource("id", id), (rs, i) -> rs.getString(1)).stream()
                .filter(h -> h != null).findFirst();
    }

    /** The uploads ingestions still refer to. */
    public Set<String> storedFiles() {
        return new TreeSet<>(jdbc.queryForList(sql("stored-files"), new MapSqlParameterSource(), String.class));
    }

    /** Records the establishments the launching user may load (empty = all), read by the checks. */
    public void scope(long id, Set<String> establishments) {
        if (!establishments.isEmpty()) {
            jdbc.update(sql("scope"), new MapSqlParameterSource("id", id)
                    .addValue("codes", SqlQueries.codes(new TreeSet<>(establishments))));
        }
    }

    private Ingestion map(ResultSet rs, int row) throws SQLException {
        Ingestion i = read(rs);
        Ended ended = pending.get(i.id());
        if (ended == null || i.ended()) {
            return i;
        }
        return new Ingestion(i.id(), i.kind(), i.fileName(), i.sha256(), ended.status(), i.rowsRead(), i.rowsWritten(), i.rowsRejected(),
                ended.message(), i.startedAt(), ended.at(), i.duplicateOf(), i.startedBy(), i.format(), i.encoding(), i.delimiter(),
                i.storedFile(), i.jobExecutionId(), i.interruptedRuns());
    }

    private static Ingestion read(ResultSet rs) throws SQLException {
        return new Ingestion(rs.getLong("id"), rs.getString("kind"), rs.getString("file_name"), rs.getString("sha256"),
                IngestionStatus.valueOf(rs.getString("status")), rs.getLong("rows_read"), rs.getLong("rows_written"),
                rs.getLong("rows_rejected"), SentenceColumns.read(rs.getString("message"), rs.getString("message_args")),
                rs.getObject("started_at", OffsetDateTime.class), rs.getObject("ended_at", OffsetDateTime.class),
                rs.getObject("duplicate_of") == null ? null : rs.getLong("duplicate_of"), rs.getString("started_by"),
                rs.getString("format"), rs.getString("encoding"), rs.getString("delimiter"), rs.getString("stored_file"),
                rs.getObject("job_execution_id") == null ? null : rs.getLong("job_execution_id"), rs.getInt("interrupted_runs"));
    }
}
