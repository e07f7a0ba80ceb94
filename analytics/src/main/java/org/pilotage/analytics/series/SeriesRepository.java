package org.pilotage.analytics.series;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.pilotage.analytics.store.SqlQueries;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Monthly indicator series, read from published measures only. */
public class SeriesRepository {

    private final NamedParameterJdbcTemplate jdbc;

    public SeriesRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<MonthlyValue> find(SeriesQuery q) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("indicator", q.indicator())
                .addValue("level", q.level())
                .addValue("establishment", q.establishment())
                .addValue("direction", q.direction())
                .addValue("project", q.project())
                .addValue("establishments", q.scope() == null ? null : SqlQueries.codes(q.scope()))
                .addValue("from", q.from().atDay(1).toString())
                .addValue("to", q.to().atDay(1).toString());
        return jdbc.query(SqlQueries.get("series/monthly-values"), params, (rs, i) -> new MonthlyValue(
                rs.getString("indicator"),
                YearMonth.parse(rs.getString("period")),
                rs.getDouble("value"),
                rs.getObject("target") == null ? null : rs.getDouble("target")));
    }

    /** The series of every indicator of a query, keyed by indicator code, each in period order. */
    public Map<String, List<MonthlyValue>> findByIndicator(SeriesQuery q) {
        return find(q).stream().collect(Collectors.groupingBy(MonthlyValue::indicator, java.util.LinkedHashMap::new, Collectors.toList()));
    }

    /** Months with data for an establishment, newest first. */
    public List<YearMonth> periodsWithData(String establishment) {
        return jdbc.query(SqlQueries.get("dashboard/periods-with-data"), Map.of("establishment", establishment),
                (rs, i) -> YearMonth.parse(rs.getString(1)));
    }

    /** A month's count of projects of one category. */
    public record CategoryCount(YearMonth period, String category, long count) {
    }

    /** Project counts per month and category; null establishment or direction = all, summed. */
    public List<CategoryCount> projectCounts(String establishment, String direction, YearMonth from, YearMonth to) {
        return projectCounts(establishment, direction, from, to, null);
    }

    /** @param scope the establishments the caller may see, or null for all */
    public List<CategoryCount> projectCounts(String establishment, String direction, YearMonth from, YearMonth to,
                                             List<String> scope) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("establishment", establishment)
                .addValue("establishments", scope == null ? null : SqlQueries.codes(scope))
                .addValue("direction", direction)
                .addValue("from", from.atDay(1).toString())
                .addValue("to", to.atDay(1).toString());
        return jdbc.query(SqlQueries.get("series/project-counts"), params, (rs, i) -> new CategoryCount(
                YearMonth.parse(rs.getString("period")), rs.getString("category"), rs.getLong("count")));
    }
}
