package org.pilotage.ingestion.stage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.pilotage.ingestion.kind.FileKind;

/** XLSX: the first sheet streamed by POI into a UTF-8 CSV (with the Excel row of each record), then read by DuckDB. */
final class XlsxStager implements FormatStager {

    @Override
    public StagedFile inspect(Path file, FileKind declared, StageContext context) throws IOException {
        Path csv = context.work().resolve("inspect-" + System.nanoTime() + ".csv");
        try {
            List<String> header = XlsxToCsv.convert(file, csv, 0).header();
            FileKind kind = Staging.kind(declared, header);
            return StagedFile.inspected(FileFormat.XLSX, kind, header, Staging.columns(kind, header));
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    @Override
    public long estimateRows(Path file) throws IOException {
        return Math.max(1, Files.size(file) / 40);
    }

    @Override
    public StagedFile stage(Path file, FileKind declared, String schema, long limit, StageContext context) throws IOException, SQLException {
        Path csv = context.workFile(schema);
        XlsxToCsv.Converted converted = XlsxToCsv.convert(file, csv, limit);
        List<String> header = converted.header();
        FileKind kind = Staging.kind(declared, header);
        List<String> columns = Staging.columns(kind, header);
        List<String> names = new ArrayList<>();
        names.add(XlsxToCsv.LINE_COLUMN);
        names.addAll(columns);
        boolean wide = Staging.wide(context.connection(), schema, converted.wide(), header.size());
        context.probe().execute(context.connection(), Staging.script("stage-csv", schema, Map.of(
                "relation", "TABLE",
                "path", Staging.literal(csv.toAbsolutePath().toString()),
                "delimiter", Staging.literal(","),
                "parallel", converted.quotedLineBreak() ? "false" : "true",
                "absent", Staging.absent(kind, columns),
                "names", names.stream().map(Staging::literal).collect(Collectors.joining(", ", "[", "]")))));
        return new StagedFile(FileFormat.XLSX, kind, header, columns, null, null, false,
                "CAST(s." + XlsxToCsv.LINE_COLUMN + " AS BIGINT)", wide, false, true);
    }
}
