package org.pilotage.analytics.rooms;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.pilotage.analytics.store.DataVersion;
import org.pilotage.analytics.store.SqlQueries;
import org.springframework.jdbc.core.JdbcTemplate;

/** Steering rooms and their priority actions' lifetime. */
public class SteeringRoomRepository {

    static final String SEPARATOR = "\u001F";

    private final JdbcTemplate jdbc;
    private final DataVersion version;

    public SteeringRoomRepository(JdbcTemplate jdbc, DataVersion version) {
        this.jdbc = jdbc;
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
        Long id = jdbc.queryForObject("""
                INSERT INTO steering_room (name, level, establishment, directions, indicators, categories, created_by)
                VALUES (?, ?, ?, split_codes(?), split_codes(?), split_codes(?), ?) RETURNING id""", Long.class,
                draft.name(), draft.level().code(), draft.establishment(), join(draft.directions()),
                join(draft.indicators()), join(draft.categories().stream().map(ProjectCategory::code).toList()), by);
        version.changed();
        return id;
    }

    public boolean update(long id, RoomDraft draft) {
        requireValid(draft);
        int n = jdbc.update("""
                UPDATE steering_room SET name = ?, level = ?, establishment = ?, directions = split_codes(?),
                       indicators = split_codes(?), categories = split_codes(?), updated_at = current_timestamp
                WHERE id = ?""", draft.name(), draft.level().code(), draft.establishment(), join(draft.directions()),
                join(draft.indicators()), join(draft.categories().stream().map(ProjectCategory::code).toList()), id);
        version.changed();
        return n == 1;
    }

    /** Deletes a room with its priority actions, in one transaction. */
    public boolean delete(long id) {
        Boolean deleted = jdbc.execute((java.sql.Connection c) -> {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (var actions = c.prepareStatement("DELETE FROM priority_action WHERE room_id = ?");
                 var room = c.prepareStatement("DELETE FROM steering_room WHERE id = ?")) {
                actions.setLong(1, id);
                actions.executeUpdate();
                room.setLong(1, id);
                int n = room.executeUpdate();
                c.commit();
                return n == 1;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        });
        version.changed();
        return Boolean.TRUE.equals(deleted);
    }

    private static void requireValid(RoomDraft draft) {
        if (!draft.problems().isEmpty()) {
            throw new IllegalArgumentException("Invalid room: " + draft.problems());
        }
    }

    static String join(List<String> codes) {
        for (String c : codes) {
            if (c.contains(SEPARATOR)) {
                throw new IllegalArgumentException("A code holds a control character: " + c);
            }
        }
        return String.join(SEPARATOR, codes);
    }

    private static SteeringRoom room(ResultSet rs) throws SQLException {
        return new SteeringRoom(rs.getLong("id"), rs.getString("name"), RoomLevel.ofCode(rs.getString("level")),
                rs.getString("establishment"), strings(rs.getArray("directions")), strings(rs.getArray("indicators")),
                strings(rs.getArray("categories")).stream().map(c -> ProjectCategory.parse(c).orElseThrow()).toList(),
                rs.getTimestamp("updated_at").toInstant());
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
