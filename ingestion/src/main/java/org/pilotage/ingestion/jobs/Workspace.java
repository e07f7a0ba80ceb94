package org.pilotage.ingestion.jobs;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.pilotage.analytics.store.SqlQueries;
import org.pilotage.ingestion.stage.StagedFile;
import org.pilotage.ingestion.stage.Staging;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The in-memory database {@code ingest_<id>}, attached to the store, where one ingestion stages and checks its
 * rows: every connection sees it, so that the steps can run on different ones, and nothing of it is written to
 * the database file. A restart of the job stages again from the stored file. Detached once the ingestion ends.
 * A transaction may write to one database only: what writes the workspace runs outside the step's transaction.
 */
public record Workspace(long ingestionId) {

    public static final String PREFIX = "ingest_";

    public String schema() {
        return PREFIX + ingestionId;
    }

    /** A statement of {@code queries/ingestion} with the workspace and the given values filled in. */
    String script(String name, Map<String, String> values) {
        return Staging.script(name, schema(), values);
    }

    static void execute(Connection c, String sql) throws SQLException {
        Staging.execute(c, sql);
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static boolean test(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** What staging recorded for the later steps. */
    record Context(boolean decimalComma, String line, List<String> fileColumns, boolean wide, boolean unreadable, boolean spaced) {

        static Context of(StagedFile staged) {
            return new Context(staged.decimalComma(), staged.line(), staged.columns(), staged.wide(), staged.unreadable(),
                    staged.spaced());
        }

        /** The file's cells carried through the checks: {@code s."value" AS "raw_value", …}. */
        String raw() {
            return fileColumns.stream().map(n -> "s.\"" + n + "\" AS \"raw_" + n + "\"").collect(Collectors.joining(", "));
        }

        /** The carried cells, for the original row of a rejected line. */
        String rawColumns() {
            return fileColumns.stream().map(n -> "\"raw_" + n + "\"").collect(Collectors.joining(", "));
        }

        /** Some cell of the row holds text: {@code coalesce(nullif(s."value", ''), …) IS NOT NULL}. */
        String filled() {
            return fileColumns.stream().map(n -> "nullif(s.\"" + n + "\", '')").collect(Collectors.joining(", ", "coalesce(", ") IS NOT NULL"));
        }

        /** The first contract column of a row whose cell holds U+FFFD, or NULL (at no cost when staging saw no such text). */
        String unreadableColumn() {
            List<String> known = fileColumns.stream().filter(n -> !n.startsWith("extra_")).toList();
            if (!unreadable || known.isEmpty()) {
                return "NULL::VARCHAR";
            }
            return known.stream().map(n -> "WHEN contains(s.\"" + n + "\", chr(65533)) THEN '" + n + "'")
                    .collect(Collectors.joining(" ", "CASE ", " END"));
        }

        Map<String, String> templates(String schema) {
            Map<String, String> t = new HashMap<>();
            t.put("line", line);
            t.put("raw", raw());
            t.put("columns", rawColumns());
            t.put("filled", filled());
            t.put("unreadable", unreadableColumn());
            t.put("trim", spaced ? "trim" : ""); // the cells are trimmed only when some may need it
            t.put("wide", wide ? "w.cells AS wide_cells, w.columns AS wide_columns"
                    : "NULL::INTEGER AS wide_cells, NULL::INTEGER AS wide_columns");
            t.put("wide_join", wide ? "LEFT JOIN " + schema + ".wide w ON w.line = " + line : "");
            return t;
        }
    }

    /** Kept in the workspace, on the staging connection: a transaction of the store may not write two databases. */
    void saveContext(Connection c, Context context) {
        new NamedParameterJdbcTemplate(new SingleConnectionDataSource(c, true)).update(script("context-save", Map.of()), new MapSqlParameterSource()
                .addValue("ingestion", ingestionId).addValue("decimalComma", context.decimalComma())
                .addValue("line", context.line()).addValue("columns", String.join(SqlQueries.CODE_SEPARATOR, context.fileColumns()))
                .addValue("wide", context.wide()).addValue("unreadable", context.unreadable())
                .addValue("spaced", context.spaced()));
    }

    Context loadContext(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(script("context-load", Map.of()))) {
            rs.next();
            return new Context(rs.getBoolean(1), rs.getString(2), List.of(rs.getString(3).split(SqlQueries.CODE_SEPARATOR)), rs.getBoolean(4),
                    rs.getBoolean(5), rs.getBoolean(6));
        }
    }

    /** The establishments of the valid rows it checked (a measures or project-counts file). */
    java.util.Set<String> writtenEstablishments(Connection c) throws SQLException {
        java.util.Set<String> out = new java.util.TreeSet<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(script("written-establishments", Map.of()))) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    void drop(Connection c) throws SQLException {
        execute(c, script("workspace-drop", Map.of()));
    }
}
