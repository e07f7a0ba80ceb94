package org.pilotage.ingestion.log;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

/** The ingestion history kept in DuckDB. */
public class IngestionLog {

    private final JdbcTemplate jdbc;

    public IngestionLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long start(String kind, String fileName, String sha256, String user) {
        Long id = jdbc.queryForObject("""
                INSERT INTO ingestion (kind, file_name, sha256, status, started_by)
                VALUES (?, ?, ?, 'RUNNING', ?) RETURNING id""", Long.class, kind, fileName, sha256, user);
        return id == null ? -1 : id;
    }

    public long duplicate(String kind, String fileName, String sha256, String user, long earlier, String message) {
        Long id = jdbc.queryForObject("""
                INSERT INTO ingestion (kind, file_name, sha256, status, started_by, ended_at, duplicate_of, message)
                VALUES (?, ?, ?, 'DUPLICATE', ?, current_timestamp, ?, ?) RETURNING id""",
                Long.class, kind, fileName, sha256, user, earlier, message);
        return id == null ? -1 : id;
    }

    public void fail(long id, long rowsRead, long rowsRejected, String message) {
        jdbc.update("""
                UPDATE ingestion SET status = 'FAILED', rows_read = ?, rows_rejected = ?, message = ?,
                       ended_at = current_timestamp WHERE id = ?""", rowsRead, rowsRejected, message, id);
    }

    public Optional<Ingestion> find(long id) {
        return jdbc.query("SELECT * FROM ingestion WHERE id = ?", IngestionLog::map, id).stream().findFirst();
    }

    public List<Ingestion> recent(int limit) {
        return jdbc.query("SELECT * FROM ingestion ORDER BY id DESC LIMIT ?", IngestionLog::map, limit);
    }

    /** The published ingestion of this content, if any: read from the manifest written with the data. */
    public Optional<Ingestion> published(String sha256) {
        return jdbc.query("""
                SELECT i.* FROM ingestion_manifest m JOIN ingestion i ON i.id = m.ingestion_id
                WHERE m.sha256 = ?""", IngestionLog::map, sha256).stream().findFirst();
    }

    private static Ingestion map(ResultSet rs, int row) throws SQLException {
        return new Ingestion(rs.getLong("id"), rs.getString("kind"), rs.getString("file_name"), rs.getString("sha256"),
                IngestionStatus.valueOf(rs.getString("status")), rs.getLong("rows_read"), rs.getLong("rows_written"),
                rs.getLong("rows_rejected"), rs.getString("message"),
                rs.getObject("started_at", OffsetDateTime.class), rs.getObject("ended_at", OffsetDateTime.class),
                rs.getObject("duplicate_of") == null ? null : rs.getLong("duplicate_of"), rs.getString("started_by"));
    }
}
