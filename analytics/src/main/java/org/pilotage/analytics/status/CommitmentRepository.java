package org.pilotage.analytics.status;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.pilotage.analytics.store.DataVersion;
import org.pilotage.analytics.store.SqlQueries;
import org.springframework.jdbc.core.JdbcTemplate;

/** Commitment levels (niveaux d'engagement) of indicators, each in force from a month until the next one. */
public class CommitmentRepository {

    private final JdbcTemplate jdbc;
    private final DataVersion version;

    public CommitmentRepository(JdbcTemplate jdbc, DataVersion version) {
        this.jdbc = jdbc;
        this.version = version;
    }

    /** Every indicator's gaps over time; an indicator without any has the default everywhere. */
    public Commitments all() {
        Map<String, NavigableMap<YearMonth, Double>> gaps = new HashMap<>();
        jdbc.query(SqlQueries.get("notes/commitments"), rs -> {
            gaps.computeIfAbsent(rs.getString("indicator"), k -> new TreeMap<>())
                    .put(YearMonth.parse(rs.getString("valid_from")), rs.getDouble("gap_percent"));
        });
        return new Commitments(gaps);
    }

    /** Sets an indicator's commitment gap from a month on (replacing one set for that same month). */
    public void set(String indicator, YearMonth from, double gapPercent, String by) {
        if (!(gapPercent >= 0 && gapPercent <= 100)) {
            throw new org.pilotage.analytics.text.Invalid("commitment.invalid");
        }
        var named = new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(jdbc);
        var params = new org.springframework.jdbc.core.namedparam.MapSqlParameterSource("indicator", indicator)
                .addValue("from", from.atDay(1).toString()).addValue("gap", gapPercent).addValue("by", by);
        named.update(SqlQueries.get("notes/commitment-delete"), params);
        named.update(SqlQueries.get("notes/commitment-insert"), params);
        version.changed();
    }

    /** The gaps in force, by indicator and month. */
    public record Commitments(Map<String, NavigableMap<YearMonth, Double>> gaps) {

        public double gapPercent(String indicator, YearMonth month) {
            NavigableMap<YearMonth, Double> byMonth = gaps.get(indicator);
            if (byMonth == null) {
                return StatusRules.DEFAULT_GAP_PERCENT;
            }
            Map.Entry<YearMonth, Double> e = byMonth.floorEntry(month);
            return e == null ? StatusRules.DEFAULT_GAP_PERCENT : e.getValue();
        }
    }
}
