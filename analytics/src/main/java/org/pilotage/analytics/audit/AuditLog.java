package org.pilotage.analytics.audit;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** Appends who did what, to what, when and from where; nothing here updates or deletes an entry. */
public class AuditLog {

    public record Event(long id, Instant at, String username, String action, String target, String detail, String remote) {
    }

    private final JdbcTemplate jdbc;

    public AuditLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String username, String action, String target, String detail, String remote) {
        jdbc.update("INSERT INTO audit_event (username, action, target, detail, remote) VALUES (?, ?, ?, ?, ?)",
                username == null ? "?" : username, action, target, detail, remote);
    }

    /** The newest events first. */
    public List<Event> recent(int limit) {
        return jdbc.query("SELECT id, occurred_at, username, action, target, detail, remote FROM audit_event ORDER BY id DESC LIMIT ?",
                (rs, i) -> new Event(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("username"),
                        rs.getString("action"), rs.getString("target"), rs.getString("detail"), rs.getString("remote")), limit);
    }

    /** Events matching the filters (null = any), newest first. */
    public List<Event> find(String username, String action, Instant since, Instant until, int limit) {
        var params = new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                .addValue("username", username == null || username.isBlank() ? null : username.strip())
                .addValue("action", action == null || action.isBlank() ? null : action)
                .addValue("since", since == null ? null : since.toString())
                .addValue("until", until == null ? null : until.toString())
                .addValue("limit", limit);
        return new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(jdbc).query(
                org.pilotage.analytics.store.SqlQueries.get("audit/events"), params,
                (rs, i) -> new Event(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("username"),
                        rs.getString("action"), rs.getString("target"), rs.getString("detail"), rs.getString("remote")));
    }

    public List<String> actions() {
        return jdbc.queryForList("SELECT DISTINCT action FROM audit_event ORDER BY action", String.class);
    }
}
