package org.pilotage.analytics.notes;

import java.time.YearMonth;
import java.util.List;

import org.pilotage.analytics.store.DataVersion;
import org.pilotage.analytics.store.SqlQueries;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Comments on indicators. */
public class CommentRepository {

    public static final int MAX_LENGTH = 2000;

    private final NamedParameterJdbcTemplate jdbc;
    private final DataVersion version;

    public CommentRepository(NamedParameterJdbcTemplate jdbc, DataVersion version) {
        this.jdbc = jdbc;
        this.version = version;
    }

    public long add(String indicator, String establishment, YearMonth period, String text, String author) {
        String clean = text == null ? "" : text.strip();
        if (clean.isEmpty() || clean.length() > MAX_LENGTH) {
            throw new org.pilotage.analytics.text.Invalid("comments.empty");
        }
        Long id = jdbc.queryForObject(SqlQueries.get("notes/comment-insert"),
                new MapSqlParameterSource().addValue("indicator", indicator).addValue("establishment", establishment)
                        .addValue("period", period.atDay(1).toString()).addValue("text", clean).addValue("author", author),
                Long.class);
        version.changed();
        return id;
    }

    /** Comments on some indicators of an establishment between two months, oldest first. */
    public List<IndicatorComment> find(String establishment, List<String> indicators, YearMonth from, YearMonth to) {
        return jdbc.query(SqlQueries.get("notes/comments"), new MapSqlParameterSource()
                        .addValue("establishment", establishment)
                        .addValue("indicators", SqlQueries.codes(indicators))
                        .addValue("from", from.atDay(1).toString())
                        .addValue("to", to.atDay(1).toString()),
                (rs, i) -> new IndicatorComment(rs.getLong("id"), rs.getString("indicator"), establishment,
                        YearMonth.parse(rs.getString("period")), rs.getString("text"), rs.getString("author"),
                        rs.getTimestamp("created_at").toInstant()));
    }
}
