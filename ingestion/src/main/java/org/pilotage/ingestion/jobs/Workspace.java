package org.pilotage.ingestion.jobs;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.pilotage.analytics.store.SqlQueries;

/**
 * The DuckDB schema {@code ingest_<id>} where one ingestion stages and checks its rows, so that its
 * steps can run on different connections and survive a restart. Dropped once the file is published.
 */
record Workspace(long ingestionId) {

    String schema() {
        return "ingest_" + ingestionId;
    }

    /** A script of {@code queries/ingestion} with the workspace and the given values filled in. */
    String script(String name, Map<String, String> values) {
        String sql = SqlQueries.get("ingestion/" + name).replace("{{s}}", schema());
        for (var e : values.entrySet()) {
            sql = sql.replace("{{" + e.getKey() + "}}", e.getValue());
        }
        return sql;
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** What staging recorded for the later steps. */
    record Context(boolean decimalComma, String line, List<String> fileColumns) {

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

        Map<String, String> templates() {
            return Map.of("line", line, "raw", raw(), "columns", rawColumns(), "filled", filled());
        }
    }

    void saveContext(Connection c, Context context) throws SQLException {
        execute(c, "CREATE OR REPLACE TABLE " + schema() + ".context AS SELECT " + ingestionId + "::BIGINT AS ingestion_id, "
                + context.decimalComma() + " AS decimal_comma, " + literal(context.line()) + " AS line_expr, "
                + literal(String.join("\u001F", context.fileColumns())) + " AS file_columns");
    }

    Context loadContext(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT decimal_comma, line_expr, file_columns FROM " + schema() + ".context")) {
            rs.next();
            return new Context(rs.getBoolean(1), rs.getString(2), List.of(rs.getString(3).split("\u001F")));
        }
    }

    void drop(Connection c) throws SQLException {
        execute(c, "DROP SCHEMA IF EXISTS " + schema() + " CASCADE");
    }

    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
