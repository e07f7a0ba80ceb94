package org.pilotage.ingestion.stage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.pilotage.analytics.store.SqlQueries;
import org.pilotage.ingestion.kind.FileKind;
import org.pilotage.ingestion.kind.UnreadableFileException;

/** What every format's staging shares: the kind from the header, the stored column names, the named statements. */
public final class Staging {

    /** Columns a file may have: more is not a file of the contract, and would cost every reader. */
    public static final int MAX_COLUMNS = 1_000;

    private Staging() {
    }

    /** A statement of {@code queries/ingestion} with the workspace schema and the given identifiers or literals filled in. */
    public static String script(String name, String schema, Map<String, String> values) {
        String sql = SqlQueries.get("ingestion/" + name);
        if (schema != null) {
            sql = sql.replace("{{s}}", schema);
        }
        for (var e : values.entrySet()) {
            sql = sql.replace("{{" + e.getKey() + "}}", e.getValue());
        }
        return sql;
    }

    public static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    public static FileKind kind(FileKind declared, List<String> header) {
        if (header.isEmpty() || header.stream().allMatch(h -> h == null || h.isBlank())) {
            throw new UnreadableFileException("file.no-header");
        }
        if (header.size() > MAX_COLUMNS) {
            throw new UnreadableFileException("file.too-many-columns", header.size(), MAX_COLUMNS);
        }
        if (declared != null) {
            return declared;
        }
        return FileKind.recognise(header).orElseThrow(() -> new UnreadableFileException("file.unknown-kind"));
    }

    /** The stored name of each header cell; unknown columns become extra_N. Fails naming a missing required column. */
    public static List<String> columns(FileKind kind, List<String> header) {
        List<String> mapped = kind.mapHeader(header);
        List<String> names = new ArrayList<>();
        int extra = 0;
        for (String name : mapped) {
            names.add(name == null ? "extra_" + (++extra) : name);
        }
        return List.copyOf(names);
    }

    /** {@code , NULL::VARCHAR AS "target", …} for the kind's columns the file lacks, so that the checks see every column. */
    public static String absent(FileKind kind, List<String> columns) {
        StringBuilder sb = new StringBuilder();
        for (var column : kind.columns()) {
            if (!columns.contains(column.name())) {
                sb.append(", NULL::VARCHAR AS ").append(identifier(column.name()));
            }
        }
        return sb.toString();
    }

    /**
     * Writes the lines wider than the header into {@code <schema>.wide}, with DuckDB's appender.
     *
     * @param lines {line, cells} pairs
     * @return whether there was any
     */
    public static boolean wide(Connection c, String schema, List<long[]> lines, int columns) throws SQLException {
        if (lines.isEmpty()) {
            return false;
        }
        execute(c, script("wide-create", schema, Map.of()));
        try (DuckDBAppender appender = c.unwrap(DuckDBConnection.class).createAppender(schema, "main", "wide")) {
            for (long[] line : lines) {
                appender.beginRow();
                appender.append(line[0]);
                appender.append((int) line[1]);
                appender.append(columns);
                appender.endRow();
            }
        }
        return true;
    }

    public static String identifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    public static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
