package org.pilotage.analytics.audit;

import java.time.Instant;
import java.util.List;

import org.pilotage.analytics.access.Caller;
import org.pilotage.analytics.store.SqlQueries;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Appends who did what, to what, when and from where ({@code queries/audit}); nothing here updates or
 * deletes an entry. The feature service that makes a change records it, once.
 */
public class AuditLog {

    public record Event(long id, Instant at, String username, String action, String target, String detail, String remote) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public AuditLog(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public AuditLog(org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this(new NamedParameterJdbcTemplate(jdbc));
    }

    public void record(Caller caller, String action, String target, String detail) {
        record(caller.username(), action, target, detail, caller.remote());
    }

    public void record(String username, String action, String target, String detail, String remote) {
        jdbc.update(SqlQueries.get("audit/record"), new MapSqlParameterSource("username", username == null ? "?" : username)
                .addValue("action", action).addValue("target", target).addValue("detail", detail).addValue("remote", remote));
    }

    /** The newest events first. */
    public List<Event> recent(int limit) {
        return find(null, null, null, null, limit);
    }

    /** Events matching the filters (null = any), newest first. */
    public List<Event> find(String username, String action, Instant since, Instant until, int limit) {
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
        return jdbc.queryForList(SqlQueries.get("audit/actions"), new MapSqlParameterSource(), String.class);
    }
}
