package org.pilotage.ingestion.stage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.pilotage.ingestion.csv.CsvLayout;
import org.pilotage.ingestion.csv.CsvSniffer;
import org.pilotage.ingestion.kind.FileKind;

/**
 * Stages a file of any supported format as text columns in {@code <schema>.staged}, one row per
 * record, with the contract's English column names: one {@link FormatStager} per format.
 */
public final class Stager {

    private static final Map<FileFormat, FormatStager> STAGERS = Map.of(
            FileFormat.CSV, new CsvStager(),
            FileFormat.XLSX, new XlsxStager(),
            FileFormat.PARQUET, new ParquetStager(),
            FileFormat.ARROW_FILE, new ArrowStager(FileFormat.ARROW_FILE),
            FileFormat.ARROW_STREAM, new ArrowStager(FileFormat.ARROW_STREAM));

    private Stager() {
    }

    public static FormatStager of(FileFormat format) {
        return STAGERS.get(format);
    }

    /** Reads the header and recognises the kind without staging anything (used before a job is queued). */
    public static StagedFile inspect(Path file, FileFormat format, FileKind declared, StageContext context) throws IOException, SQLException {
        return of(format).inspect(file, declared, context);
    }

    /** Stages the whole file into {@code schema.staged}. */
    public static StagedFile stage(Path file, FileFormat format, FileKind kind, String schema, StageContext context)
            throws IOException, SQLException {
        return stage(file, format, kind, schema, context, false);
    }

    /** Stages the whole file into {@code schema.staged}, as a view of the file itself when {@code direct} and its format allows. */
    public static StagedFile stage(Path file, FileFormat format, FileKind kind, String schema, StageContext context, boolean direct)
            throws IOException, SQLException {
        return of(format).stage(file, kind, schema, context, direct);
    }

    /** The first {@code rows} records as text, with what staging will make of the file: never the whole file. */
    public static Preview preview(Path file, FileFormat format, FileKind declared, int rows, StageContext context)
            throws IOException, SQLException {
        String schema = "preview_" + Math.abs(System.nanoTime());
        Staging.execute(context.connection(), Staging.script("workspace-create", schema, Map.of()));
        try {
            StagedFile staged = of(format).stage(file, declared, schema, rows, context);
            if (format == FileFormat.CSV) {
                // the preview read a UTF-8 copy of the head: the original's encoding is the one to show
                CsvLayout csv = CsvSniffer.sniff(file);
                staged = staged.withEncoding(csv.charset().name(), csv.delimiterName(), csv.decimalComma());
            }
            List<List<String>> values = new ArrayList<>();
            String select = staged.columns().stream().map(Staging::identifier).collect(Collectors.joining(", "));
            try (Statement st = context.connection().createStatement();
                 ResultSet rs = st.executeQuery(Staging.script("preview-rows", schema, Map.of("columns", select, "rows", String.valueOf(rows))))) {
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
            try {
                Staging.execute(context.connection(), Staging.script("workspace-drop", schema, Map.of()));
            } catch (SQLException ignored) {
                // a leftover preview schema is removed at the next start
            }
            Files.deleteIfExists(context.workFile(schema));
            Files.deleteIfExists(ParquetStager.copy(context, schema));
        }
    }
}
