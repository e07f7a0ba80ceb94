package org.pilotage.analytics.rooms;

import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.pilotage.analytics.store.SqlQueries;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The named queries behind a room (sql/queries/rooms), each reading published data only. */
public class RoomQueries {

    private static final String SEP = SteeringRoomRepository.SEPARATOR;

    /** A month's value and target of one series; ingestionId is the newest ingestion behind it. */
    public record Point(YearMonth period, Double value, Double target, long ingestionId) {
    }

    public record CountPoint(YearMonth period, ProjectCategory category, long count, long ingestionId) {
    }

    /** A published row behind an indicator, with the file it came from. */
    public record MeasureRow(String direction, String project, YearMonth period, double value, Double target,
                             String comment, long ingestionId, String fileName) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public RoomQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Monthly points per indicator (in the order asked), directions summed or averaged as the unit says. */
    public Map<String, TreeMap<YearMonth, Point>> indicatorMonths(String establishment, List<String> directions,
                                                                   String project, List<String> indicators,
                                                                   YearMonth from, YearMonth to) {
        Map<String, TreeMap<YearMonth, Point>> out = new LinkedHashMap<>();
        indicators.forEach(i -> out.put(i, new TreeMap<>()));
        if (indicators.isEmpty()) {
            return out;
        }
        jdbc.query(SqlQueries.get("rooms/indicator-months"), scope(establishment, directions, from, to)
                .addValue("indicators", String.join(SEP, indicators))
                .addValue("project", project == null ? "" : project), rs -> {
                    YearMonth m = YearMonth.parse(rs.getString("period"));
                    out.get(rs.getString("indicator")).put(m, new Point(m, rs.getDouble("value"),
                            rs.getObject("target") == null ? null : rs.getDouble("target"), rs.getLong("ingestion_id")));
                });
        return out;
    }

    /** One indicator's monthly points per direction of the scope. */
    public Map<String, TreeMap<YearMonth, Point>> byDirection(String establishment, List<String> directions, String project,
                                                              String indicator, YearMonth from, YearMonth to) {
        return members("rooms/indicator-by-direction", scope(establishment, directions, from, to)
                .addValue("indicator", indicator).addValue("project", project == null ? "" : project));
    }

    /** One indicator's monthly points per project of the scope. */
    public Map<String, TreeMap<YearMonth, Point>> byProject(String establishment, List<String> directions, String indicator,
                                                            YearMonth from, YearMonth to) {
        return members("rooms/indicator-by-project", scope(establishment, directions, from, to).addValue("indicator", indicator));
    }

    private Map<String, TreeMap<YearMonth, Point>> members(String query, MapSqlParameterSource params) {
        Map<String, TreeMap<YearMonth, Point>> out = new LinkedHashMap<>();
        jdbc.query(SqlQueries.get(query), params, rs -> {
            YearMonth m = YearMonth.parse(rs.getString("period"));
            out.computeIfAbsent(rs.getString("member"), k -> new TreeMap<>()).put(m, new Point(m, rs.getDouble("value"),
                    rs.getObject("target") == null ? null : rs.getDouble("target"), 0));
        });
        return out;
    }

    public List<CountPoint> projectCounts(String establishment, List<String> directions, List<ProjectCategory> categories,
                                          YearMonth from, YearMonth to) {
        return jdbc.query(SqlQueries.get("rooms/project-counts"), scope(establishment, directions, from, to)
                        .addValue("categories", String.join(SEP, categories.stream().map(ProjectCategory::code).toList())),
                (rs, i) -> new CountPoint(YearMonth.parse(rs.getString("period")),
                        ProjectCategory.parse(rs.getString("category")).orElseThrow(), rs.getLong("count"),
                        rs.getLong("ingestion_id")));
    }

    public List<MeasureRow> rows(String establishment, List<String> directions, String indicator, YearMonth from, YearMonth to,
                                 int limit) {
        return jdbc.query(SqlQueries.get("rooms/indicator-rows"), scope(establishment, directions, from, to)
                        .addValue("indicator", indicator).addValue("limit", limit),
                (rs, i) -> new MeasureRow(rs.getString("direction"), rs.getString("project"),
                        YearMonth.parse(rs.getString("period")), rs.getDouble("value"),
                        rs.getObject("target") == null ? null : rs.getDouble("target"), rs.getString("comment"),
                        rs.getLong("ingestion_id"), rs.getString("file_name")));
    }

    /** The published ingestions among some ids, by id. */
    public Map<Long, RoomDashboard.Provenance> ingestions(Collection<Long> ids) {
        Map<Long, RoomDashboard.Provenance> out = new TreeMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.query(SqlQueries.get("rooms/ingestions"), new MapSqlParameterSource("ids",
                String.join(SEP, ids.stream().map(String::valueOf).toList())), rs -> {
                    Timestamp at = rs.getTimestamp("published_at");
                    out.put(rs.getLong("id"), new RoomDashboard.Provenance(rs.getLong("id"), rs.getString("file_name"),
                            at == null ? null : at.toInstant()));
                });
        return out;
    }

    public boolean touches(String establishment, long ingestionId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(SqlQueries.get("rooms/touched-by"),
                new MapSqlParameterSource().addValue("ingestion", ingestionId).addValue("establishment", establishment),
                Boolean.class));
    }

    private static MapSqlParameterSource scope(String establishment, List<String> directions, YearMonth from, YearMonth to) {
        return new MapSqlParameterSource()
                .addValue("establishment", establishment)
                .addValue("directions", String.join(SEP, directions))
                .addValue("from", from.atDay(1).toString())
                .addValue("to", to.atDay(1).toString());
    }
}
