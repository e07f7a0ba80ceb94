package org.pilotage.ingestion.log;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

/** The ingestion history kept in DuckDB: one row per file handed to Pilotage. */
public class IngestionLog {

    private final JdbcTemplate jdbc;

    public IngestionLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long queued(String kind, String fileName, String sha256, String user, String storedFile, String format, long size) {
        return insert("QUEUED", kind, fileName, sha256, user, storedFile, format, size, null);
    }

    /** A file refused before any job ran (unreadable, unknown kind…): FAILED at once with its sentence. */
    public long failedBeforeStart(String kind, String fileName, String sha256, String user, String storedFile, String format,
                                  long size, String message) {
        long id = insert("FAILED", kind, fileName, sha256, user, storedFile, format, size, message);
        jdbc.update("UPDATE ingestion SET ended_at = current_timestamp WHERE id = ?", id);
        return id;
    }

    private long insert(String status, String kind, String fileName, String sha256, String user, String storedFile,
                        String format, long size, String message) {
        Long id = jdbc.queryForObject("""
                INSERT INTO ingestion (kind, file_name, sha256, status, started_by, stored_file, format, file_size, message)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""",
                Long.class, kind, fileName, sha256, status, user, storedFile, format, size, message);
        return id == null ? -1 : id;
    }

    public long duplicate(String kind, String fileName, String sha256, String user, long earlier, String message) {
        Long id = jdbc.queryForObject("""
                INSERT INTO ingestion (kind, file_name, sha256, status, started_by, ended_at, duplicate_of, message)
                VALUES (?, ?, ?, 'DUPLICATE', ?, current_timestamp, ?, ?) RETURNING id""",
                Long.class, kind, fileName, sha256, user, earlier, message);
        return id == null ? -1 : id;
    }

    /** A job execution took the ingestion up; a published one stays COMPLETED. */
    public void running(long id, long jobExecutionId) {
        jdbc.update("""
                UPDATE ingestion SET status = 'RUNNING', job_execution_id = ?, message = NULL, ended_at = NULL
                WHERE id = ? AND status <> 'COMPLETED'""", jobExecutionId, id);
    }

    public void staged(long id, String encoding, String delimiter, String header, long rowsRead) {
        jdbc.update("UPDATE ingestion SET encoding = ?, delimiter = ?, header = ?, rows_read = ? WHERE id = ?",
                encoding, delimiter, header, rowsRead, id);
    }

    /** Ends an ingestion that did not publish (FAILED or STOPPED); never touches a COMPLETED one. */
    public void ended(long id, IngestionStatus status, String message) {
        jdbc.update("""
                UPDATE ingestion SET status = ?, message = coalesce(?, message), ended_at = current_timestamp
                WHERE id = ? AND status <> 'COMPLETED'""", status.name(), message, id);
    }

    /** Back in the queue, for a restart. */
    public void requeue(long id) {
        jdbc.update("UPDATE ingestion SET status = 'QUEUED', message = NULL, ended_at = NULL WHERE id = ? AND status <> 'COMPLETED'", id);
    }

    public Optional<Ingestion> find(long id) {
        return jdbc.query("SELECT * FROM ingestion WHERE id = ?", IngestionLog::map, id).stream().findFirst();
    }

    public List<Ingestion> recent(int limit) {
        return jdbc.query("SELECT * FROM ingestion ORDER BY id DESC LIMIT ?", IngestionLog::map, limit);
    }

    /** Ingestions left QUEUED or RUNNING, oldest first: after a crash, the ones to resume. */
    public List<Ingestion> unfinished() {
        return jdbc.query("SELECT * FROM ingestion WHERE status IN ('QUEUED', 'RUNNING') ORDER BY id", IngestionLog::map);
    }

    /** A load of the same content already queued or running. */
    public Optional<Ingestion> active(String sha256) {
        return jdbc.query("SELECT * FROM ingestion WHERE sha256 = ? AND status IN ('QUEUED', 'RUNNING') ORDER BY id LIMIT 1",
                IngestionLog::map, sha256).stream().findFirst();
    }

    /** The published ingestion of this content, if any: read from the manifest written with the data. */
    public Optional<Ingestion> published(String sha256) {
        return jdbc.query("""
                SELECT i.* FROM ingestion_manifest m JOIN ingestion i ON i.id = m.ingestion_id
                WHERE m.sha256 = ?""", IngestionLog::map, sha256).stream().findFirst();
    }

    /** The header of the file as written, for the reject report. */
    public Optional<String> header(long id) {
        return jdbc.query("SELECT header FROM ingestion WHERE id = ?", (rs, i) -> rs.getString(1), id).stream()
                .filter(h -> h != null).findFirst();
    }

    private static Ingestion map(ResultSet rs, int row) throws SQLException {
        return new Ingestion(rs.getLong("id"), rs.getString("kind"), rs.getString("file_name"), rs.getString("sha256"),
                IngestionStatus.valueOf(rs.getString("status")), rs.getLong("rows_read"), rs.getLong("rows_written"),
                rs.getLong("rows_rejected"), rs.getString("message"),
                rs.getObject("started_at", OffsetDateTime.class), rs.getObject("ended_at", OffsetDateTime.class),
                rs.getObject("duplicate_of") == null ? null : rs.getLong("duplicate_of"), rs.getString("started_by"),
                rs.getString("format"), rs.getString("encoding"), rs.getString("delimiter"), rs.getString("stored_file"),
                rs.getObject("job_execution_id") == null ? null : rs.getLong("job_execution_id"));
    }

    /** Records the establishments the launching user may load (empty = all), read by the checks. */
    public void scope(long id, java.util.Set<String> establishments) {
        if (!establishments.isEmpty()) {
            jdbc.update("UPDATE ingestion SET scope = split_codes(?) WHERE id = ?",
                    String.join("\u001F", new java.util.TreeSet<>(establishments)), id);
        }
    }
}
