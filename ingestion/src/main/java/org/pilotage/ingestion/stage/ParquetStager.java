package org.pilotage.ingestion.stage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.pilotage.ingestion.kind.FileKind;
import org.pilotage.ingestion.kind.UnreadableFileException;

/**
 * Parquet: a view over DuckDB's Parquet reader, each column as text. The reader checks the file's
 * structure and refuses text that is not UTF-8; what it refuses becomes one sentence, naming the
 * column when it can be found.
 */
public final class ParquetStager implements FormatStager {

    @Override
    public StagedFile inspect(Path file, FileKind declared, StageContext context) throws SQLException {
        Map<String, String> types = types(context.connection(), file);
        List<String> header = List.copyOf(types.keySet());
        FileKind kind = Staging.kind(declared, header);
        return StagedFile.inspected(FileFormat.PARQUET, kind, header, Staging.columns(kind, header));
    }

    @Override
    public long estimateRows(Path file) throws IOException {
        return Math.max(1, Files.size(file) / 12);
    }

    @Override
    public StagedFile stage(Path file, FileKind declared, String schema, long limit, StageContext context) throws SQLException {
        Map<String, String> types = types(context.connection(), file);
        List<String> header = List.copyOf(types.keySet());
        FileKind kind = Staging.kind(declared, header);
        List<String> columns = Staging.columns(kind, header);
        // The reader's own row number keeps the checks parallel; row_number() OVER () would put them on one thread.
        // A file with a column of that name falls back to it.
        boolean own = header.stream().noneMatch(h -> h.equalsIgnoreCase("file_row_number"));
        String path = Staging.literal(file.toAbsolutePath().toString());
        context.probe().execute(context.connection(), Staging.script("stage-parquet", schema, Map.of(
                "row", own ? "file_row_number + 2" : "row_number() OVER () + 1",
                "casts", casts(header, columns, types),
                "absent", Staging.absent(kind, columns),
                "path", path,
                "options", own ? ", file_row_number = true" : "")));
        // a preview reads through the view: its LIMIT stops the reader early
        return new StagedFile(FileFormat.PARQUET, kind, header, columns, null, null, false, "s.__row", false, false);
    }

    /**
     * What a failed read of a staged Parquet file becomes: DuckDB's reader refused its data (damaged pages,
     * text that is not UTF-8). Called by the check, which is where the view is read.
     */
    public static UnreadableFileException unreadable(javax.sql.DataSource store, Path file, SQLException cause) {
        String message = String.valueOf(cause.getMessage());
        if (message.contains("not valid UTF8") || message.contains("Invalid string encoding")) {
            // on a connection of its own: the failed statement aborted the step's transaction
            try (Connection c = store.getConnection()) {
                for (String column : types(c, file).keySet()) {
                    try (Statement st = c.createStatement()) {
                        st.execute(Staging.script("probe-parquet-column", null, Map.of(
                                "column", Staging.identifier(column), "path", Staging.literal(file.toAbsolutePath().toString()))));
                    } catch (SQLException e) {
                        return new UnreadableFileException("file.parquet-not-utf8-column", column);
                    }
                }
            } catch (RuntimeException | SQLException ignored) {
                // the column could not be found: the sentence without it
            }
            return new UnreadableFileException("file.parquet-not-utf8");
        }
        return new UnreadableFileException("file.damaged-parquet");
    }

    private static Map<String, String> types(Connection c, Path file) throws SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(Staging.script("describe-parquet", null,
                     Map.of("path", Staging.literal(file.toAbsolutePath().toString()))))) {
            while (rs.next()) {
                types.put(rs.getString("column_name"), rs.getString("column_type"));
            }
        } catch (SQLException e) {
            throw new UnreadableFileException("file.not-parquet");
        }
        if (types.size() > Staging.MAX_COLUMNS) {
            throw new UnreadableFileException("file.too-many-columns", types.size(), Staging.MAX_COLUMNS);
        }
        return types;
    }

    /** {@code CAST("Établissement" AS VARCHAR) AS "establishment", …}; dates as ISO dates. */
    private static String casts(List<String> header, List<String> columns, Map<String, String> types) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String source = Staging.identifier(header.get(i));
            String type = types.getOrDefault(header.get(i), "").toUpperCase(Locale.ROOT);
            String expression = type.startsWith("DATE") || type.startsWith("TIMESTAMP")
                    ? "strftime(" + source + ", '%Y-%m-%d')"
                    : "CAST(" + source + " AS VARCHAR)";
            items.add(expression + " AS " + Staging.identifier(columns.get(i)));
        }
        return String.join(", ", items);
    }
}
