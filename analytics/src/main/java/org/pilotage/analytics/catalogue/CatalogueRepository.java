package org.pilotage.analytics.catalogue;

import java.util.List;
import java.util.Optional;

import org.pilotage.analytics.store.SqlQueries;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads the indicator catalogue. */
public class CatalogueRepository {

    private final JdbcTemplate jdbc;

    public CatalogueRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Indicator> findAll() {
        return jdbc.query(SqlQueries.get("catalogue/indicators"), (rs, i) -> new Indicator(
                rs.getString("code"),
                EffectLevel.ofCode(rs.getString("level")),
                rs.getString("label_fr"),
                rs.getString("label_en"),
                IndicatorUnit.ofCode(rs.getString("unit")),
                "up".equals(rs.getString("better")),
                rs.getObject("default_target") == null ? null : rs.getDouble("default_target")));
    }

    public List<Indicator> findByLevel(EffectLevel level) {
        return findAll().stream().filter(i -> i.level() == level).toList();
    }

    public Optional<Indicator> find(String code) {
        return findAll().stream().filter(i -> i.code().equals(code)).findFirst();
    }

    public boolean isEmpty() {
        Integer n = jdbc.queryForObject(org.pilotage.analytics.store.SqlQueries.get("catalogue/count"), Integer.class);
        return n == null || n == 0;
    }
}
