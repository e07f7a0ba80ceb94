package org.pilotage.analytics.escalations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.pilotage.analytics.store.DataVersion;
import org.pilotage.analytics.store.SqlQueries;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Escalations and their threads (sql/queries/escalations); a change and its thread's step are written in one transaction. */
public class EscalationRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final DataVersion version;

    public EscalationRepository(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions, DataVersion version) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.version = version;
    }

    /** A new escalation in {@code status}, with the first step of its thread. */
    long insert(long fromRoom, long toRoom, EscalationDraft draft, LocalDate answerBy, EscalationStatus status,
                Escalation.Figures figures, Long originId, String by) {
        Long id = transactions.execute(tx -> {
            Long created = jdbc.queryForObject(SqlQueries.get("escalations/insert"), new MapSqlParameterSource()
                    .addValue("from_room", fromRoom).addValue("to_room", toRoom)
                    .addValue("indicator", draft.indicator(), Types.VARCHAR)
                    .addValue("period", draft.period() == null ? null : draft.period().atDay(1).toString(), Types.VARCHAR)
                    .addValue("action_id", draft.actionId(), Types.BIGINT)
                    .addValue("reason", draft.reason()).addValue("ask", draft.ask(), Types.VARCHAR)
                    .addValue("answer_by", answerBy.toString()).addValue("status", status.name())
                    .addValue("figures", figures == null ? null : JSON.writeValueAsString(figures), Types.VARCHAR)
                    .addValue("origin_id", originId, Types.BIGINT).addValue("by", by), Long.class);
            event(created, by, null, status, draft.reason());
            return created;
        });
        version.changed();
        return id;
    }

    /**
     * Moves an escalation from the status and version it was read in, with the step of its thread; false when
     * it had moved meanwhile (nothing written then).
     */
    boolean transition(Escalation from, EscalationStatus to, String text, String by, String answer, Long takenActionId,
                       Long escalatedAs) {
        Boolean moved = transactions.execute(tx -> {
            int n = jdbc.update(SqlQueries.get("escalations/transition"), new MapSqlParameterSource()
                    .addValue("id", from.id()).addValue("from_status", from.status().name()).addValue("version", from.version())
                    .addValue("to_status", to.name()).addValue("answer", answer, Types.VARCHAR)
                    .addValue("taken_action_id", takenActionId, Types.BIGINT).addValue("escalated_as", escalatedAs, Types.BIGINT));
            if (n != 1) {
                return false;
            }
            event(from.id(), by, from.status(), to, text);
            return true;
        });
        version.changed();
        return Boolean.TRUE.equals(moved);
    }

    private void event(long escalation, String by, EscalationStatus from, EscalationStatus to, String text) {
        jdbc.update(SqlQueries.get("escalations/event-insert"), new MapSqlParameterSource().addValue("escalation", escalation)
                .addValue("by", by).addValue("from_status", from == null ? null : from.name(), Types.VARCHAR)
                .addValue("to_status", to.name()).addValue("text", text, Types.VARCHAR));
    }

    public Optional<Escalation> find(long id) {
        return jdbc.query(SqlQueries.get("escalations/find"), new MapSqlParameterSource("id", id), (rs, i) -> escalation(rs))
                .stream().findFirst();
    }

    /** What a room received from its child rooms, or sent to its parent: unanswered first, then the newest. */
    public List<Escalation> forRoom(long room, boolean received) {
        return jdbc.query(SqlQueries.get("escalations/for-room"), new MapSqlParameterSource("room", room).addValue("received", received),
                (rs, i) -> escalation(rs));
    }

    /** The escalation of the same item from the same room that is not closed, if any. */
    Optional<Long> openFor(long fromRoom, EscalationDraft draft) {
        return jdbc.query(SqlQueries.get("escalations/open-for-subject"), new MapSqlParameterSource("from_room", fromRoom)
                        .addValue("indicator", draft.indicator(), Types.VARCHAR)
                        .addValue("period", draft.period() == null ? null : draft.period().atDay(1).toString(), Types.VARCHAR)
                        .addValue("action_id", draft.actionId(), Types.BIGINT),
                (rs, i) -> rs.getLong("id")).stream().findFirst();
    }

    public List<EscalationEvent> thread(long id) {
        return jdbc.query(SqlQueries.get("escalations/thread"), new MapSqlParameterSource("escalation", id),
                (rs, i) -> new EscalationEvent(rs.getTimestamp("happened_at").toInstant(), rs.getString("by_user"),
                        rs.getString("from_status") == null ? null : EscalationStatus.valueOf(rs.getString("from_status")),
                        EscalationStatus.valueOf(rs.getString("to_status")), rs.getString("text")));
    }

    /** How many escalations each room sent or received that are not closed. */
    public Map<Long, Integer> openCounts(Collection<Long> rooms) {
        Map<Long, Integer> counts = new HashMap<>();
        if (!rooms.isEmpty()) {
            jdbc.query(SqlQueries.get("escalations/open-counts"), new MapSqlParameterSource("rooms", SqlQueries.codes(rooms)),
                    rs -> {
                        counts.put(rs.getLong("room"), rs.getInt("open"));
                    });
        }
        return counts;
    }

    private static Escalation escalation(ResultSet rs) throws SQLException {
        String figures = rs.getString("figures");
        return new Escalation(rs.getLong("id"), rs.getLong("from_room"), rs.getLong("to_room"), rs.getString("indicator"),
                rs.getString("period") == null ? null : YearMonth.parse(rs.getString("period")),
                nullableLong(rs, "action_id"), rs.getString("reason"), rs.getString("ask"),
                rs.getDate("answer_by").toLocalDate(), EscalationStatus.valueOf(rs.getString("status")), rs.getInt("version"),
                figures == null ? null : JSON.readValue(figures, Escalation.Figures.class), rs.getString("answer"),
                nullableLong(rs, "taken_action_id"), nullableLong(rs, "origin_id"),
                nullableLong(rs, "escalated_as"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column) == null ? null : rs.getLong(column);
    }
}
