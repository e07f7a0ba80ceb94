package org.pilotage.analytics.actions;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.pilotage.analytics.store.SqlQueries;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Priority actions of steering rooms. */
public class ActionRepository {

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final org.pilotage.analytics.store.DataVersion version;

    public ActionRepository(NamedParameterJdbcTemplate jdbc, Clock clock, org.pilotage.analytics.store.DataVersion version) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.version = version;
    }

    /** Late first, then open ones by due date, done last. */
    public List<PriorityAction> forRoom(long roomId) {
        return jdbc.query(SqlQueries.get("actions/for-room"),
                new MapSqlParameterSource().addValue("room", roomId).addValue("today", LocalDate.now(clock).toString()),
                (rs, i) -> new PriorityAction(rs.getLong("id"), rs.getLong("room_id"), rs.getString("title"),
                        rs.getString("owner"), rs.getDate("due_date").toLocalDate(),
                        ActionStatus.parse(rs.getString("status")).orElseThrow(), rs.getString("indicator"),
                        rs.getBoolean("late")));
    }

    /** How many priority actions of each room are late today. */
    public java.util.Map<Long, Integer> lateCounts(java.util.Collection<Long> roomIds) {
        java.util.Map<Long, Integer> late = new java.util.HashMap<>();
        if (!roomIds.isEmpty()) {
            jdbc.query(SqlQueries.get("actions/late-counts"), new MapSqlParameterSource("rooms", SqlQueries.codes(roomIds))
                    .addValue("today", LocalDate.now(clock).toString()), rs -> {
                        late.put(rs.getLong("room_id"), rs.getInt("late"));
                    });
        }
        return late;
    }

    public long add(long roomId, ActionDraft draft, String by) {
        draft.requireValid();
        version.changed(); // reports list the actions
        return jdbc.queryForObject(SqlQueries.get("actions/insert"), params(draft).addValue("room", roomId).addValue("by", by)
                .addValue("today", LocalDate.now(clock).toString()), Long.class);
    }

    public boolean update(long id, ActionDraft draft) {
        draft.requireValid();
        version.changed();
        return jdbc.update(SqlQueries.get("actions/update"), params(draft).addValue("id", id)
                .addValue("today", LocalDate.now(clock).toString())) == 1;
    }

    private static MapSqlParameterSource params(ActionDraft d) {
        return new MapSqlParameterSource().addValue("title", d.title().strip()).addValue("owner", d.owner().strip())
                .addValue("due", d.dueDate().toString()).addValue("status", d.status().code())
                .addValue("indicator", d.indicator() == null || d.indicator().isBlank() ? null : d.indicator());
    }

    /** What a manager fills in for an action. */
    public record ActionDraft(String title, String owner, LocalDate dueDate, ActionStatus status, String indicator) {

        public boolean valid() {
            return title != null && !title.isBlank() && title.strip().length() <= 300
                    && owner != null && !owner.isBlank() && owner.strip().length() <= 120
                    && dueDate != null && status != null;
        }

        void requireValid() {
            if (!valid()) {
                throw new org.pilotage.analytics.text.Invalid("actions.invalid");
            }
        }
    }
}
