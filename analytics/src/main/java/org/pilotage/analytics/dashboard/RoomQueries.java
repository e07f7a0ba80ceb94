package org.pilotage.analytics.dashboard;

import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.pilotage.analytics.catalogue.ProjectCategory;
import org.pilotage.analytics.rooms.ReportingPeriod;
import org.pilotage.analytics.series.CountPoint;
import org.pilotage.analytics.series.Point;
import org.pilotage.analytics.store.SqlQueries;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The named queries behind a room (sql/queries/rooms), each reading published data only. */
public class RoomQueries {

    /** A published row behind an indicator, with the file it came from. */
    public record MeasureRow(String direction, String project, YearMonth period, double value, Double target,
                             String comment, long ingestionId, String fileName) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public RoomQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The periods a tile compares: the one shown, the one before and the same one a year earlier. */
    public record Periods(ReportingPeriod now, ReportingPeriod previous, ReportingPeriod yearEarlier) {

        public static Periods of(ReportingPeriod period) {
            return new Periods(period, period.previous(), period.yearEarlier());
        }
    }

    /**
     * A room's indicators, each with its months (directions combined) and its figures over the periods a
     * tile compares (keys {@code now}, {@code previous}, {@code year-earlier}; like with like).
     */
    public record IndicatorFigures(Map<String, TreeMap<YearMonth, Point>> months, Map<String, Map<String, Figure>> periods) {
    }

    /**
     * One pass over a room's indicators ({@code rooms/indicator-figures.sql}): their months from {@code from} to
     * {@code to}, which hold the three periods, and their figures over those periods.
     */
    public IndicatorFigures indicatorFigures(String establishment, List<String> directions, String project, List<String> indicators,
                                             YearMonth from, YearMonth to, Periods periods) {
        Map<String, TreeMap<YearMonth, Point>> months = new LinkedHashMap<>();
        Map<String, Map<String, Figure>> figures = new LinkedHashMap<>();
        indicators.forEach(i -> {
            months.put(i, new TreeMap<>());
            figures.put(i, new LinkedHashMap<>());
        });
        if (indicators.isEmpty()) {
            return new IndicatorFigures(months, figures);
        }
        jdbc.query(SqlQueries.get("rooms/indicator-figures"), scope(establishment, directions, from, to)
                .addValue("indicators", SqlQueries.codes(indicators))
                .addValue("project", project == null ? "" : project)
                .addValue("now_from", periods.now().start().atDay(1).toString())
                .addValue("now_to", periods.now().end().atDay(1).toString())
                .addValue("previous_from", periods.previous().start().atDay(1).toString())
                .addValue("previous_to", periods.previous().end().atDay(1).toString())
                .addValue("year_from", periods.yearEarlier().start().atDay(1).toString())
                .addValue("year_to", periods.yearEarlier().end().atDay(1).toString()), rs -> {
                    String indicator = rs.getString("indicator");
                    String kind = rs.getString("kind");
                    if (kind.equals("month")) {
                        YearMonth m = YearMonth.parse(rs.getString("period"));
                        months.get(indicator).put(m, new Point(m, rs.getDouble("value"),
                                rs.getObject("target") == null ? null : rs.getDouble("target"), rs.getLong("ingestion_id")));
                    } else {
                        figures.get(indicator).put(kind, figure(rs));
                    }
                });
        return new IndicatorFigures(months, figures);
    }

    /**
     * Each month's figure of rooms' indicators, each room over its own scope ({@code rooms/room-figures.sql}):
     * room id → indicator → month → figure. With an indicator, that one over every room's scope.
     */
    public Map<Long, Map<String, TreeMap<YearMonth, Figure>>> roomFigures(Collection<Long> roomIds, String indicator,
                                                                         YearMonth from, YearMonth to) {
        Map<Long, Map<String, TreeMap<YearMonth, Figure>>> out = new LinkedHashMap<>();
        if (roomIds.isEmpty()) {
            return out;
        }
        jdbc.query(SqlQueries.get("rooms/room-figures"), new MapSqlParameterSource()
                .addValue("rooms", SqlQueries.codes(roomIds)).addValue("indicator", indicator == null ? "" : indicator)
                .addValue("from", from.atDay(1).toString()).addValue("to", to.atDay(1).toString()), rs -> {
                    out.computeIfAbsent(rs.getLong("room_id"), k -> new LinkedHashMap<>())
                            .computeIfAbsent(rs.getString("indicator"), k -> new TreeMap<>())
                            .put(YearMonth.parse(rs.getString("period")), figure(rs));
                });
        return out;
    }

    /** One indicator's figure per direction of the scope over a period (the directions compared). */
    public Map<String, Figure> directionTotals(String establishment, List<String> directions, String project, String indicator,
                                               ReportingPeriod period) {
        Map<String, Figure> out = new TreeMap<>();
        jdbc.query(SqlQueries.get("rooms/direction-totals"), scope(establishment, directions, period.start(), period.end())
                .addValue("indicator", indicator).addValue("project", project == null ? "" : project),
                rs -> {
                    out.put(rs.getString("member"), figure(rs));
                });
        return out;
    }

    private static Figure figure(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Figure(rs.getObject("value") == null ? null : rs.getDouble("value"),
                rs.getObject("target") == null ? null : rs.getDouble("target"));
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
                        .addValue("categories", SqlQueries.codes(categories.stream().map(ProjectCategory::code).toList())),
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
                SqlQueries.codes(ids)), rs -> {
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
                .addValue("directions", SqlQueries.codes(directions))
                .addValue("from", from.atDay(1).toString())
                .addValue("to", to.atDay(1).toString());
    }
}
