package org.pilotage.analytics.store;

import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Small named values the service keeps about itself ({@code app_setting}): that the demo data was loaded, and when. */
public class AppSettings {

    private final NamedParameterJdbcTemplate jdbc;

    public AppSettings(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> get(String key) {
        return jdbc.queryForList(SqlQueries.get("settings/get"), new MapSqlParameterSource("key", key), String.class).stream().findFirst();
    }

    public void put(String key, String value) {
        jdbc.update(SqlQueries.get("settings/put"), new MapSqlParameterSource("key", key).addValue("value", value));
    }
}
