package org.pilotage.analytics.rooms;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.pilotage.analytics.catalogue.ProjectCategory;
import org.pilotage.analytics.store.DataVersion;
import org.pilotage.analytics.store.SqlQueries;
import org.pilotage.analytics.text.Invalid;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Steering rooms and their priority actions' lifetime. */
public class SteeringRoomRepository {


    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate transactions;
    private final DataVersion version;

    /**
     * @param transactions the store's transactions, for a change that spans statements
     */
    public SteeringRoomRepository(JdbcTemplate jdbc, TransactionTemplate transactions, DataVersion version) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.transactions = transactions;
        this.version = version;
    }

    private volatile Snapshot snapshot;

    private record Snapshot(long version, List<SteeringRoom> rooms) {
    }

    /** Every room; read once per data version (every change of a room changes the version). */
    public List<SteeringRoom> findAll() {
        Snapshot s = snapshot;
        long v = version.current();
        if (s == null || s.version() != v) {
            s = new Snapshot(v, List.copyOf(jdbc.query(SqlQueries.get("rooms/rooms"), (rs, i) -> room(rs))));
            snapshot = s;
        }
        return s.rooms();
    }

    public Optional<SteeringRoom> find(long id) {
        return findAll().stream().filter(r -> r.id() == id).findFirst();
    }

    public long create(RoomDraft draft, String by) {
        requireValid(draft);
        Long id = named.queryForObject(SqlQueries.get("rooms/insert"), params(draft).addValue("by", by), Long.class);
        version.changed();
        return id;
    }

    public boolean update(long id, RoomDraft draft) {
        requireValid(draft);
        int n = named.update(SqlQueries.get("rooms/update"), params(draft).addValue("id", id));
        version.changed();
        return n == 1;
    }

    /** Deletes a room with its priority actions, in one transaction. */
    public boolean delete(long id) {
        Boolean deleted = transactions.execute(status -> {
            MapSqlParameterSource p = new MapSqlParameterSource("id", id);
            named.update(SqlQueries.get("rooms/delete-actions"), p);
            return named.update(SqlQueries.get("rooms/delete"), p) == 1;
        });
        version.changed();
        return Boolean.TRUE.equals(deleted);
    }

    private static MapSqlParameterSource params(RoomDraft draft) {
        return new MapSqlParameterSource().addValue("name", draft.name()).addValue("level", draft.level().code())
                .addValue("establishment", draft.establishment()).addValue("directions", join(draft.directions()))
                .addValue("indicators", join(draft.indicators()))
                .addValue("categories", join(draft.categories().stream().map(ProjectCategory::code).toList()))
                .addValue("parent", draft.parentId(), Types.BIGINT);
    }

    private static void requireValid(RoomDraft draft) {
        if (!draft.problems().isEmpty()) {
            throw new Invalid(draft.problems());
        }
    }

    static String join(List<String> codes) {
        return SqlQueries.codes(codes);
    }

    private static SteeringRoom room(ResultSet rs) throws SQLException {
        return new SteeringRoom(rs.getLong("id"), rs.getString("name"), RoomLevel.ofCode(rs.getString("level")),
                rs.getString("establishment"), strings(rs.getArray("directions")), strings(rs.getArray("indicators")),
                strings(rs.getArray("categories")).stream().map(c -> ProjectCategory.parse(c).orElseThrow()).toList(),
                rs.getTimestamp("updated_at").toInstant(), rs.getObject("parent_id") == null ? null : rs.getLong("parent_id"));
    }

    static List<String> strings(Array array) throws SQLException {
        List<String> out = new ArrayList<>();
        if (array != null) {
            for (Object o : (Object[]) array.getArray()) {
                out.add(String.valueOf(o));
            }
        }
        return out;
    }
}
