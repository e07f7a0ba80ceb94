package org.pilotage.analytics.meetings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.pilotage.analytics.rooms.RitualFigures;
import org.pilotage.analytics.store.SqlQueries;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Cadences, members, meetings and their archive (sql/queries/meetings); the service holds the rules and the transactions. */
public class MeetingRepository {

    private final NamedParameterJdbcTemplate jdbc;

    public MeetingRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static MapSqlParameterSource p(String name, Object value) {
        return new MapSqlParameterSource(name, value);
    }

    // The room's side

    Optional<Cadence> cadence(long room) {
        return jdbc.query(SqlQueries.get("meetings/cadence-find"), p("room", room), (rs, i) -> new Cadence(
                Cadence.Frequency.valueOf(rs.getString("frequency")), rs.getDate("first_date").toLocalDate(),
                rs.getTime("start_time").toLocalTime(), rs.getInt("minutes"))).stream().findFirst();
    }

    void saveCadence(long room, Cadence c, String by) {
        jdbc.update(SqlQueries.get("meetings/cadence-save"), p("room", room).addValue("frequency", c.frequency().name())
                .addValue("first_date", c.firstDate().toString()).addValue("start_time", c.startTime().toString())
                .addValue("minutes", c.minutes()).addValue("by", by));
    }

    List<Member> members(long room) {
        return jdbc.query(SqlQueries.get("meetings/members"), p("room", room),
                (rs, i) -> new Member(rs.getLong("id"), rs.getLong("room_id"), rs.getString("name"), rs.getString("role")));
    }

    long addMember(long room, String name, String role) {
        return jdbc.queryForObject(SqlQueries.get("meetings/member-insert"), p("room", room).addValue("name", name)
                .addValue("role", role, Types.VARCHAR), Long.class);
    }

    boolean removeMember(long room, long member) {
        return jdbc.update(SqlQueries.get("meetings/member-remove"), p("room", room).addValue("id", member)) == 1;
    }

    // Meetings

    long insert(long room, YearMonth period, int minutes, Instant at, String by) {
        return jdbc.queryForObject(SqlQueries.get("meetings/insert"), p("room", room).addValue("period", period.atDay(1).toString())
                .addValue("minutes", minutes).addValue("at", at.toString()).addValue("by", by), Long.class);
    }

    Optional<Meeting> find(long id) {
        return jdbc.query(SqlQueries.get("meetings/find"), p("id", id), (rs, i) -> meeting(rs)).stream().findFirst();
    }

    Optional<Long> openFor(long room) {
        return jdbc.query(SqlQueries.get("meetings/open-for-room"), p("room", room), (rs, i) -> rs.getLong("id")).stream().findFirst();
    }

    List<Meeting.Summary> forRoom(long room) {
        return jdbc.query(SqlQueries.get("meetings/for-room"), p("room", room), (rs, i) -> new Meeting.Summary(rs.getLong("id"),
                Meeting.Status.valueOf(rs.getString("status")), instant(rs, "started_at"), instant(rs, "closed_at"),
                rs.getInt("planned_minutes"), rs.getInt("present"), rs.getInt("members"), rs.getInt("decisions")));
    }

    /** Claims the meeting at the version it was read in; false when it moved meanwhile or is closed. */
    boolean touch(Meeting m) {
        return jdbc.update(SqlQueries.get("meetings/touch"), p("id", m.id()).addValue("version", m.version())) == 1;
    }

    void move(long id, int position, Instant at) {
        jdbc.update(SqlQueries.get("meetings/move"), p("id", id).addValue("position", position).addValue("at", at.toString()));
    }

    void roles(long id, Meeting.Roles roles) {
        jdbc.update(SqlQueries.get("meetings/roles"), p("id", id).addValue("facilitator", roles.facilitator(), Types.VARCHAR)
                .addValue("timekeeper", roles.timekeeper(), Types.VARCHAR).addValue("secretary", roles.secretary(), Types.VARCHAR));
    }

    boolean close(Meeting m, Instant at, String by) {
        return jdbc.update(SqlQueries.get("meetings/close"), p("id", m.id()).addValue("version", m.version())
                .addValue("at", at.toString()).addValue("by", by)) == 1;
    }

    List<Meeting.Item> items(long meeting) {
        return jdbc.query(SqlQueries.get("meetings/items"), p("meeting", meeting), (rs, i) -> new Meeting.Item(rs.getLong("id"),
                rs.getLong("meeting_id"), rs.getInt("position"), Meeting.ItemKind.valueOf(rs.getString("kind")), rs.getString("ref"),
                rs.getString("title"), rs.getString("detail"), rs.getString("status"), rs.getBoolean("is_new"), rs.getInt("seconds"),
                rs.getBoolean("dropped")));
    }

    void insertItem(long meeting, int position, Meeting.ItemKind kind, String ref, String title, String detail, String status,
                    boolean isNew, int seconds) {
        jdbc.update(SqlQueries.get("meetings/item-insert"), p("meeting", meeting).addValue("position", position)
                .addValue("kind", kind.name()).addValue("ref", ref, Types.VARCHAR).addValue("title", title)
                .addValue("detail", detail, Types.VARCHAR).addValue("status", status, Types.VARCHAR).addValue("is_new", isNew)
                .addValue("seconds", seconds));
    }

    void updateItem(long meeting, Meeting.Item item) {
        jdbc.update(SqlQueries.get("meetings/item-update"), p("meeting", meeting).addValue("id", item.id())
                .addValue("position", item.position()).addValue("seconds", item.seconds()).addValue("dropped", item.dropped()));
    }

    List<Meeting.Attendance> attendance(long meeting) {
        return jdbc.query(SqlQueries.get("meetings/attendance"), p("meeting", meeting), (rs, i) -> new Meeting.Attendance(
                rs.getLong("member_id"), rs.getString("name"), rs.getString("role"), Presence.valueOf(rs.getString("presence"))));
    }

    void saveAttendance(long meeting, Member member, Presence presence) {
        jdbc.update(SqlQueries.get("meetings/attendance-save"), p("meeting", meeting).addValue("member", member.id())
                .addValue("name", member.name()).addValue("role", member.role(), Types.VARCHAR).addValue("presence", presence.name()));
    }

    List<Meeting.Decision> decisions(long meeting) {
        return jdbc.query(SqlQueries.get("meetings/decisions"), p("meeting", meeting), (rs, i) -> new Meeting.Decision(
                rs.getLong("id"), rs.getLong("meeting_id"), rs.getLong("item_id"), rs.getString("text"), nullableLong(rs, "action_id"),
                nullableLong(rs, "escalation_id"), rs.getString("recorded_by"), instant(rs, "recorded_at")));
    }

    long insertDecision(long meeting, long item, String text, Long action, Long escalation, String by, Instant at) {
        return jdbc.queryForObject(SqlQueries.get("meetings/decision-insert"), p("meeting", meeting).addValue("item", item)
                .addValue("text", text).addValue("action", action, Types.BIGINT).addValue("escalation", escalation, Types.BIGINT)
                .addValue("by", by).addValue("at", at.toString()), Long.class);
    }

    Optional<Meeting.Record> record(long id) {
        return find(id).map(m -> new Meeting.Record(m, items(id), attendance(id), decisions(id)));
    }

    /** The ritual figures of a room from one day to another (the expected count is the service's, from the cadence). */
    RitualFigures ritual(long room, java.time.LocalDate from, java.time.LocalDate to, Integer expected) {
        return jdbc.queryForObject(SqlQueries.get("meetings/ritual"), p("room", room).addValue("from", from.toString())
                .addValue("to", to.toString()).addValue("zone", MeetingService.ZONE.getId()), (rs, i) -> new RitualFigures(from, to, rs.getInt("held"), expected,
                nullableDouble(rs, "attendance"), nullableDouble(rs, "on_time"), nullableDouble(rs, "answer_days")));
    }

    // The archive

    /** The room's last archived meeting: its place in the chain, its hash and its board. */
    record Last(int seq, String chainHash, String boardJson) {
    }

    Optional<Last> lastArchive(long room) {
        return jdbc.query(SqlQueries.get("meetings/archive-last"), p("room", room),
                (rs, i) -> new Last(rs.getInt("seq"), rs.getString("chain_hash"), rs.getString("board_json"))).stream().findFirst();
    }

    void insertArchive(MeetingArchive.Entry e) {
        jdbc.update(SqlQueries.get("meetings/archive-insert"), p("meeting", e.meetingId()).addValue("room", e.roomId())
                .addValue("seq", e.seq()).addValue("at", e.archivedAt().toString()).addValue("record_json", e.recordJson())
                .addValue("board_json", e.boardJson()).addValue("minutes_fr", e.minutesFr()).addValue("minutes_en", e.minutesEn())
                .addValue("board_pdf", e.boardPdf()).addValue("record_sha256", e.hashes().record())
                .addValue("board_json_sha256", e.hashes().boardJson()).addValue("minutes_fr_sha256", e.hashes().minutesFr())
                .addValue("minutes_en_sha256", e.hashes().minutesEn()).addValue("board_pdf_sha256", e.hashes().boardPdf())
                .addValue("previous_hash", e.previousHash(), Types.VARCHAR).addValue("chain_hash", e.chainHash()));
    }

    List<MeetingArchive.Entry> archiveOf(long room) {
        return jdbc.query(SqlQueries.get("meetings/archive-of-room"), p("room", room), (rs, i) -> new MeetingArchive.Entry(
                rs.getLong("meeting_id"), room, rs.getInt("seq"), null, rs.getString("record_json"), rs.getString("board_json"),
                rs.getBytes("minutes_fr"), rs.getBytes("minutes_en"), rs.getBytes("board_pdf"),
                new MeetingArchive.Hashes(rs.getString("record_sha256"), rs.getString("board_json_sha256"),
                        rs.getString("minutes_fr_sha256"), rs.getString("minutes_en_sha256"), rs.getString("board_pdf_sha256")),
                rs.getString("previous_hash"), rs.getString("chain_hash")));
    }

    /** One archived document: {@code minutes_fr}, {@code minutes_en}, {@code board_pdf} or {@code board_json}. */
    Optional<byte[]> archived(long meeting, String column) {
        if (!List.of("minutes_fr", "minutes_en", "board_pdf", "board_json").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        return jdbc.query(SqlQueries.get("meetings/archive-file").replace("{{column}}", column), p("meeting", meeting),
                (rs, i) -> column.equals("board_json") ? rs.getString(1).getBytes(java.nio.charset.StandardCharsets.UTF_8)
                        : rs.getBytes(1)).stream().findFirst();
    }

    List<Long> closedWithoutArchive(long room) {
        return jdbc.query(SqlQueries.get("meetings/closed-without-archive"), p("room", room), (rs, i) -> rs.getLong("id"));
    }

    private static Meeting meeting(ResultSet rs) throws SQLException {
        return new Meeting(rs.getLong("id"), rs.getLong("room_id"), Meeting.Status.valueOf(rs.getString("status")),
                YearMonth.from(rs.getDate("period").toLocalDate()), rs.getInt("planned_minutes"), rs.getInt("current_position"),
                instant(rs, "item_started_at"), new Meeting.Roles(rs.getString("facilitator"), rs.getString("timekeeper"),
                rs.getString("secretary")), rs.getString("started_by"), instant(rs, "started_at"), rs.getString("closed_by"),
                instant(rs, "closed_at"), rs.getInt("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column) == null ? null : rs.getDouble(column);
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column) == null ? null : rs.getLong(column);
    }
}
