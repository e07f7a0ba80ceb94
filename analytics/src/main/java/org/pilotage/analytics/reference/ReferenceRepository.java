package org.pilotage.analytics.reference;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.pilotage.analytics.store.SqlQueries;
import org.springframework.jdbc.core.JdbcTemplate;

/** Establishments and their directions. */
public class ReferenceRepository {

    private final JdbcTemplate jdbc;

    public ReferenceRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Establishment> establishments() {
        return jdbc.query(SqlQueries.get("reference/establishments"), (rs, i) ->
                new Establishment(rs.getString("code"), rs.getString("name"), strings(rs.getArray("directions"))));
    }

    /** The codes of an establishment's projects, in code order. */
    public List<String> projects(String establishment) {
        return jdbc.query(SqlQueries.get("reference/projects"), (rs, i) -> rs.getString("code"), establishment);
    }

    /** Gives an establishment its display name (codes seen first in a file are named by their code). */
    public void nameEstablishment(String code, String name) {
        new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(jdbc).update(SqlQueries.get("reference/name-establishment"),
                new org.springframework.jdbc.core.namedparam.MapSqlParameterSource("name", name).addValue("code", code));
    }

    private static List<String> strings(Array array) throws SQLException {
        List<String> out = new ArrayList<>();
        if (array != null) {
            for (Object o : (Object[]) array.getArray()) {
                out.add(String.valueOf(o));
            }
        }
        return List.copyOf(out);
    }
}
