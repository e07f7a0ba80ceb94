package org.pilotage.ingestion.stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.pilotage.analytics.store.StoreErrors;
import org.pilotage.ingestion.kind.FileKind;
import org.pilotage.ingestion.kind.UnreadableFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parquet: read by DuckDB's Parquet reader in a sandbox, a database of its own opened for this one
 * file, since a damaged file can make the reader fail in ways that invalidate the whole database it
 * runs in. The sandbox writes the rows again, as text columns, into a Parquet file of its own, which the
 * store reads: the store only ever reads Parquet that DuckDB wrote. What the reader refuses becomes one sentence, naming the column when it can be found.
 */
public final class ParquetStager implements FormatStager {

    private static final Logger log = LoggerFactory.getLogger(ParquetStager.class);

    @Override
    public StagedFile inspect(Path file, FileKind declared, StageContext context) throws SQLException {
        try (Connection sandbox = sandbox(file, context.work())) {
            Map<String, String> types = types(sandbox, file);
            List<String> header = List.copyOf(types.keySet());
            FileKind kind = Staging.kind(declared, header);
            return StagedFile.inspected(FileFormat.PARQUET, kind, header, Staging.columns(kind, header));
        }
    }

    @Override
    public long estimateRows(Path file) throws java.io.IOException {
        return Math.max(1, Files.size(file) / 12);
    }

    @Override
    public StagedFile stage(Path file, FileKind declared, String schema, long limit, StageContext context) throws SQLException {
        Path copy = copy(context, schema);
        try (Connection sandbox = sandbox(file, context.work())) {
            Map<String, String> types = types(sandbox, file);
            List<String> header = List.copyOf(types.keySet());
            FileKind kind = Staging.kind(declared, header);
            List<String> columns = Staging.columns(kind, header);
            // The reader's own row number; a file with a column of that name falls back to counting rows.
            boolean own = header.stream().noneMatch(h -> h.equalsIgnoreCase("file_row_number"));
            try (Statement st = sandbox.createStatement()) {
                st.execute(Staging.script("read-parquet", null, Map.of(
                        "row", own ? "file_row_number + 2" : "row_number() OVER () + 1",
                        "casts", casts(header, types),
                        "path", Staging.literal(file.toAbsolutePath().toString()),
                        "options", own ? ", file_row_number = true" : "",
                        "limit", limit < Long.MAX_VALUE ? " LIMIT " + limit : "",
                        "target", Staging.literal(copy.toAbsolutePath().toString()))));
            } catch (SQLException | RuntimeException e) {
                if (StoreErrors.diskFull(e) || StoreErrors.interrupted(e)) {
                    throw e;
                }
                throw unreadable(file, context.work(), e);
            }
            List<String> select = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                select.add("\"c" + i + "\" AS " + Staging.identifier(columns.get(i)));
            }
            context.probe().execute(context.connection(), Staging.script("stage-parquet", schema, Map.of(
                    "columns", String.join(", ", select), "absent", Staging.absent(kind, columns),
                    "path", Staging.literal(copy.toAbsolutePath().toString()))));
            return new StagedFile(FileFormat.PARQUET, kind, header, columns, null, null, false, "s.__row", false, false, true);
        }
    }

    /** Where the sandbox writes its copy of a workspace's file; deleted when the job ends. */
    public static Path copy(StageContext context, String schema) {
        return context.work().resolve(schema + ".parquet");
    }

    /**
     * What a failed read becomes: DuckDB's reader refused the file's data (damaged pages, text that is not
     * UTF-8), found on a sandbox of its own.
     */
    static UnreadableFileException unreadable(Path file, Path work, Exception cause) {
        String message = String.valueOf(cause.getMessage());
        log.info("Parquet file refused: {}", message.lines().findFirst().orElse(""));
        if (message.contains("not valid UTF8") || message.contains("Invalid string encoding")) {
            try (Connection sandbox = sandbox(file, work)) {
                for (String column : types(sandbox, file).keySet()) {
                    try (Statement st = sandbox.createStatement()) {
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

    /** A database of its own for one untrusted file: little memory, files of the data dir only, nothing downloaded. */
    private static Connection sandbox(Path file, Path work) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement st = c.createStatement()) {
            Path allowed = file.toAbsolutePath().getParent();
            st.execute(Staging.script("sandbox-settings", null, Map.of(
                    "temp", Staging.literal(work.toAbsolutePath().toString()),
                    "allowed", Staging.literal(allowed + java.io.File.separator) + ", " + Staging.literal(work.toAbsolutePath() + java.io.File.separator))));
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private static Map<String, String> types(Connection sandbox, Path file) {
        Map<String, String> types = new LinkedHashMap<>();
        try (Statement st = sandbox.createStatement();
             ResultSet rs = st.executeQuery(Staging.script("describe-parquet", null,
                     Map.of("path", Staging.literal(file.toAbsolutePath().toString()))))) {
            while (rs.next()) {
                types.put(rs.getString("column_name"), rs.getString("column_type"));
            }
        } catch (SQLException | RuntimeException e) {
            log.info("Parquet file refused: {}", String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            throw new UnreadableFileException("file.not-parquet");
        }
        if (types.size() > Staging.MAX_COLUMNS) {
            throw new UnreadableFileException("file.too-many-columns", types.size(), Staging.MAX_COLUMNS);
        }
        return types;
    }

    /** {@code CAST("Établissement" AS VARCHAR) AS "c0", …}; dates as ISO dates. */
    private static String casts(List<String> header, Map<String, String> types) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String source = Staging.identifier(header.get(i));
            String type = types.getOrDefault(header.get(i), "").toUpperCase(Locale.ROOT);
            String expression = type.startsWith("DATE") || type.startsWith("TIMESTAMP")
                    ? "strftime(" + source + ", '%Y-%m-%d')"
                    : "CAST(" + source + " AS VARCHAR)";
            items.add(expression + " AS \"c" + i + "\"");
        }
        return String.join(", ", items);
    }
}
