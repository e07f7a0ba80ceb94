package org.pilotage.ingestion.stage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.types.pojo.Field;
import org.duckdb.DuckDBConnection;
import org.pilotage.analytics.store.SqlQueries;
import org.pilotage.ingestion.csv.CsvLayout;
import org.pilotage.ingestion.csv.CsvSniffer;
import org.pilotage.ingestion.kind.FileKind;
import org.pilotage.ingestion.kind.UnreadableFileException;

/**
 * Stages a file of any supported format as text columns in {@code <schema>.staged}, one row per
 * record in file order, with the contract's English column names. CSV and XLSX (converted to CSV
 * by streaming) go through DuckDB's CSV reader, Parquet through DuckDB's Parquet reader, Arrow IPC
 * through an Arrow C-data stream handed to DuckDB: the engine does the bulk work.
 */
public final class Stager {

    private static final long ARROW_MEMORY = 512L * 1024 * 1024;

    private Stager() {
    }

    /** Reads the header and recognises the kind without staging anything (used before a job is queued). */
    public static StagedFile inspect(Connection c, Path file, FileFormat format, FileKind declared, Path work) throws IOException, SQLException {
        return switch (format) {
            case CSV -> csvLayout(file, declared);
            case XLSX -> {
                Path csv = work.resolve("inspect-" + System.nanoTime() + ".csv");
                try {
                    List<String> header = XlsxToCsv.convert(file, csv, 0);
                    List<String> cells = header;
                    FileKind kind = kind(declared, cells);
                    yield new StagedFile(format, kind, cells, columns(kind, cells), null, null, false, null);
                } finally {
                    Files.deleteIfExists(csv);
                }
            }
            case PARQUET -> {
                Map<String, String> types = parquetTypes(c, file);
                List<String> header = List.copyOf(types.keySet());
                FileKind kind = kind(declared, header);
                yield new StagedFile(format, kind, header, columns(kind, header), null, null, false, "s.rowid + 2");
            }
            case ARROW_FILE, ARROW_STREAM -> {
                try (BufferAllocator allocator = new RootAllocator(ARROW_MEMORY); ArrowReader reader = arrowReader(file, format, allocator)) {
                    List<String> header = reader.getVectorSchemaRoot().getSchema().getFields().stream().map(Field::getName).toList();
                    FileKind kind = kind(declared, header);
                    yield new StagedFile(format, kind, header, columns(kind, header), null, null, false, "s.rowid + 2");
                }
            }
        };
    }

    /**
     * Stages the file into {@code schema.staged}.
     *
     * @param probe runs the long statement, reporting DuckDB's progress and allowing a stop
     */
    public static StagedFile stage(Connection c, String schema, Path file, FileFormat format, FileKind declared, Path work,
                                   ProgressProbe probe) throws IOException, SQLException {
        return switch (format) {
            case CSV -> {
                CsvLayout csv = CsvSniffer.sniff(file);
                Path utf8;
                CsvSniffer.Scan scan;
                if (csv.charset().equals(StandardCharsets.UTF_16LE) || csv.charset().equals(StandardCharsets.UTF_16BE)) {
                    utf8 = CsvSniffer.toUtf8(file, csv, workFile(work, schema));
                    scan = CsvSniffer.scan(utf8);
                } else {
                    // The encoding was guessed from the first megabyte; the whole file decides.
                    scan = CsvSniffer.scan(file);
                    if (!scan.utf8()) {
                        // UTF-8 characters, then a byte that is not UTF-8: two files pasted together, or an edit in
                        // another encoding. Read either way, part of the text would come out garbled.
                        if (csv.bom() || scan.utf8BeforeInvalid()) {
                            throw new UnreadableFileException(("le fichier mélange deux encodages : il est écrit en UTF-8, mais la ligne %d"
                                    + " contient un caractère qui n'en est pas ; enregistrez-le de nouveau en UTF-8").formatted(scan.firstInvalidLine()),
                                    "the file mixes two encodings: it is written in UTF-8, but line %d holds a character that is not; save it again as UTF-8"
                                            .formatted(scan.firstInvalidLine()));
                        }
                        csv = new CsvLayout(CsvSniffer.WINDOWS_1252, false, csv.delimiter(), csv.header());
                    }
                    utf8 = CsvSniffer.toUtf8(file, csv, workFile(work, schema));
                }
                if (scan.openQuoteLine() > 0) {
                    throw new UnreadableFileException("un guillemet ouvert à la ligne %d n'est jamais fermé".formatted(scan.openQuoteLine()),
                            "a quote opened on line %d is never closed".formatted(scan.openQuoteLine()));
                }
                StagedFile layout = csvLayout(csv, declared, scan.rowExpression());
                readCsv(c, schema, utf8, csv.delimiter(), layout.columns(), absent(layout.kind(), layout.columns()),
                        scan.quotedLineBreak(), probe);
                yield layout;
            }
            case XLSX -> {
                Path csv = workFile(work, schema);
                List<String> header = XlsxToCsv.convert(file, csv, Integer.MAX_VALUE);
                FileKind kind = kind(declared, header);
                List<String> columns = new ArrayList<>(columns(kind, header));
                List<String> names = new ArrayList<>();
                names.add(XlsxToCsv.LINE_COLUMN);
                names.addAll(columns);
                readCsv(c, schema, csv, ',', names, absent(kind, columns), CsvSniffer.hasQuotedLineBreak(csv), probe);
                yield new StagedFile(format, kind, header, columns, null, null, false,
                        "CAST(s." + XlsxToCsv.LINE_COLUMN + " AS BIGINT)");
            }
            case PARQUET -> {
                Map<String, String> types = parquetTypes(c, file);
                List<String> header = List.copyOf(types.keySet());
                FileKind kind = kind(declared, header);
                List<String> columns = columns(kind, header);
                // The reader's own row number keeps the checks parallel; row_number() OVER () would put them on one
                // thread. A file with a column of that name falls back to it.
                boolean own = header.stream().noneMatch(h -> h.equalsIgnoreCase("file_row_number"));
                probe.execute(c, "CREATE OR REPLACE VIEW " + schema + ".staged AS SELECT "
                        + (own ? "file_row_number + 2" : "row_number() OVER () + 1") + " AS __row, "
                        + castList(header, columns, types) + absent(kind, columns)
                        + " FROM read_parquet(" + literal(file.toAbsolutePath().toString()) + (own ? ", file_row_number = true)" : ")"));
                yield new StagedFile(format, kind, header, columns, null, null, false, "s.__row");
            }
            case ARROW_FILE, ARROW_STREAM -> {
                try (BufferAllocator allocator = new RootAllocator(ARROW_MEMORY);
                     ArrowReader reader = arrowReader(file, format, allocator);
                     ArrowArrayStream stream = ArrowArrayStream.allocateNew(allocator)) {
                    List<Field> fields = reader.getVectorSchemaRoot().getSchema().getFields();
                    List<String> header = fields.stream().map(Field::getName).toList();
                    FileKind kind = kind(declared, header);
                    List<String> columns = columns(kind, header);
                    Map<String, String> types = new LinkedHashMap<>();
                    fields.forEach(f -> types.put(f.getName(), f.getType().getTypeID().name()));
                    Data.exportArrayStream(allocator, reader, stream);
                    String view = schema + "_arrow";
                    c.unwrap(DuckDBConnection.class).registerArrowStream(view, stream);
                    // An Arrow stream is read once: its rows are kept in a table.
                    probe.execute(c, "CREATE OR REPLACE TABLE " + schema + ".staged AS SELECT row_number() OVER () + 1 AS __row, "
                            + castList(header, columns, types) + absent(kind, columns) + " FROM " + view);
                    yield new StagedFile(format, kind, header, columns, null, null, false, "s.__row");
                }
            }
        };
    }

    /**
     * The first {@code rows} records as text, with what staging will make of the file: a small copy
     * of the head is read, never the whole file.
     */
    public static Preview preview(Connection c, Path file, FileFormat format, FileKind declared, Path work, int rows)
            throws IOException, SQLException {
        String schema = "preview_" + Math.abs(System.nanoTime());
        Path head = work.resolve(schema + ".head");
        try {
            Path source = file;
            if (format == FileFormat.CSV) {
                CsvLayout csv = CsvSniffer.sniff(file);
                source = CsvSniffer.head(file, csv, rows + 1, head);
            }
            Workspace w = new Workspace(c, schema);
            try {
                StagedFile staged = stage(c, schema, source, format, declared, work, ProgressProbe.none());
                if (format == FileFormat.CSV) {
                    CsvLayout csv = CsvSniffer.sniff(file);
                    staged = new StagedFile(format, staged.kind(), staged.header(), staged.columns(), csv.charset().name(),
                            csv.delimiterName(), csv.decimalComma(), staged.line());
                }
                List<List<String>> values = new ArrayList<>();
                String select = staged.columns().stream().map(Stager::identifier).collect(Collectors.joining(", "));
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT " + select + " FROM " + schema + ".staged LIMIT " + rows)) {
                    while (rs.next()) {
                        List<String> row = new ArrayList<>();
                        for (int i = 1; i <= staged.columns().size(); i++) {
                            String v = rs.getString(i);
                            row.add(v == null ? "" : v);
                        }
                        values.add(row);
                    }
                }
                return new Preview(staged, values);
            } finally {
                w.close();
            }
        } finally {
            Files.deleteIfExists(head);
            Files.deleteIfExists(workFile(work, schema));
        }
    }

    /** A throwaway schema for a preview. */
    private record Workspace(Connection c, String schema) implements AutoCloseable {
        Workspace {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE SCHEMA " + schema);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            try (Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (SQLException ignored) {
                // a leftover preview schema is harmless
            }
        }
    }

    private static StagedFile csvLayout(Path file, FileKind declared) throws IOException {
        return csvLayout(CsvSniffer.sniff(file), declared, "s.rowid + 2");
    }

    /** @param line the SQL of a staged record's line (see {@link CsvSniffer.Scan#rowExpression()}) */
    private static StagedFile csvLayout(CsvLayout csv, FileKind declared, String line) {
        FileKind kind = kind(declared, csv.header());
        return new StagedFile(FileFormat.CSV, kind, csv.header(), columns(kind, csv.header()), csv.charset().name(),
                csv.delimiterName(), csv.decimalComma(), line);
    }

    /** The text file DuckDB reads for a workspace (a transcoded CSV, a converted workbook); deleted when the job ends. */
    public static Path workFile(Path work, String schema) {
        return work.resolve(schema + ".csv");
    }

    /** {@code , NULL::VARCHAR AS "target", …} for the kind's columns the file lacks, so that the checks see every column. */
    static String absent(FileKind kind, List<String> columns) {
        StringBuilder sb = new StringBuilder();
        for (var column : kind.columns()) {
            if (!columns.contains(column.name())) {
                sb.append(", NULL::VARCHAR AS ").append(identifier(column.name()));
            }
        }
        return sb.toString();
    }

    private static void readCsv(Connection c, String schema, Path utf8, char delimiter, List<String> names, String absent,
                                boolean quotedLineBreaks, ProgressProbe probe) throws SQLException {
        String script = SqlQueries.get("ingestion/stage-csv")
                .replace("{{s}}", schema)
                .replace("{{path}}", literal(utf8.toAbsolutePath().toString()))
                .replace("{{delimiter}}", literal(String.valueOf(delimiter)))
                .replace("{{parallel}}", quotedLineBreaks ? "false" : "true")
                .replace("{{absent}}", absent)
                .replace("{{names}}", names.stream().map(Stager::literal).collect(Collectors.joining(", ", "[", "]")));
        try {
            probe.execute(c, script);
        } catch (SQLException e) {
            // DuckDB's reader could not make records of the text: say so without its internals (paths, buffers)
            String message = String.valueOf(e.getMessage());
            if (message.contains("CSV Error") || message.contains("Error when sniffing") || message.contains("unicode")) {
                java.util.regex.Matcher line = java.util.regex.Pattern.compile("Line: (\\d+)").matcher(message);
                String near = line.find() ? " près de la ligne " + line.group(1) : "";
                throw new UnreadableFileException("le fichier CSV n'a pas pu être découpé en lignes et en cellules" + near
                        + " (guillemets ou délimiteurs mal placés)",
                        "the CSV file could not be split into records and cells" + (near.isEmpty() ? "" : " near line " + line.group(1))
                                + " (misplaced quotes or delimiters)");
            }
            throw e;
        }
    }

    static FileKind kind(FileKind declared, List<String> header) {
        if (header.isEmpty() || header.stream().allMatch(String::isBlank)) {
            throw new UnreadableFileException("le fichier n'a pas de ligne d'en-tête", "the file has no header row");
        }
        if (declared != null) {
            return declared;
        }
        return FileKind.recognise(header).orElseThrow(() -> new UnreadableFileException(
                "type de fichier non reconnu : l'en-tête ne correspond à aucun type de fichier du contrat",
                "unknown file kind: the header matches no file kind of the contract"));
    }

    /** The stored name of each header cell; unknown columns become extra_N. Fails naming a missing required column. */
    static List<String> columns(FileKind kind, List<String> header) {
        List<String> mapped = kind.mapHeader(header);
        List<String> names = new ArrayList<>();
        int extra = 0;
        for (String name : mapped) {
            names.add(name == null ? "extra_" + (++extra) : name);
        }
        return List.copyOf(names);
    }

    private static Map<String, String> parquetTypes(Connection c, Path file) throws SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM read_parquet(" + literal(file.toAbsolutePath().toString()) + ")")) {
            while (rs.next()) {
                types.put(rs.getString("column_name"), rs.getString("column_type"));
            }
        } catch (SQLException e) {
            throw new UnreadableFileException("le fichier n'est pas un fichier Parquet lisible",
                    "the file is not a readable Parquet file");
        }
        return types;
    }

    /** {@code CAST("Établissement" AS VARCHAR) AS "establishment", …}; dates as ISO dates. */
    private static String castList(List<String> header, List<String> columns, Map<String, String> types) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String source = identifier(header.get(i));
            String type = types.getOrDefault(header.get(i), "").toUpperCase(java.util.Locale.ROOT);
            String expression = type.startsWith("DATE") || type.startsWith("TIMESTAMP")
                    ? "strftime(" + source + ", '%Y-%m-%d')"
                    : "CAST(" + source + " AS VARCHAR)";
            items.add(expression + " AS " + identifier(columns.get(i)));
        }
        return String.join(", ", items);
    }

    private static ArrowReader arrowReader(Path file, FileFormat format, BufferAllocator allocator) throws IOException {
        try {
            ArrowReader reader = format == FileFormat.ARROW_FILE
                    ? new ArrowFileReader(Files.newByteChannel(file, StandardOpenOption.READ), allocator)
                    : new ArrowStreamReader(Files.newInputStream(file), allocator);
            reader.getVectorSchemaRoot(); // reads the schema now, so that a broken file fails here
            return reader;
        } catch (IOException | RuntimeException e) {
            throw new UnreadableFileException("le fichier n'est pas un fichier Arrow IPC lisible",
                    "the file is not a readable Arrow IPC file");
        }
    }

    static String identifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** Runs the long statement of a stage and reports DuckDB's progress while it runs. */
    public interface ProgressProbe {
        void execute(Connection c, String sql) throws SQLException;

        static ProgressProbe none() {
            return (c, sql) -> {
                try (Statement st = c.createStatement()) {
                    st.execute(sql);
                }
            };
        }
    }
}
