package org.pilotage.ingestion.stage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.pilotage.ingestion.csv.CsvLayout;
import org.pilotage.ingestion.csv.CsvRewrite;
import org.pilotage.ingestion.csv.CsvScan;
import org.pilotage.ingestion.csv.CsvSniffer;
import org.pilotage.ingestion.kind.FileKind;
import org.pilotage.ingestion.kind.UnreadableFileException;

/**
 * CSV: one pass in Java decides what DuckDB must not be trusted with (the encoding of the whole file, a
 * quote never closed, records wider than the header), the file is written again only when DuckDB could
 * not read it as it is (another encoding than UTF-8, many empty cells past the header), and DuckDB's
 * CSV reader stages it, in parallel unless a quoted cell holds a line break.
 */
final class CsvStager implements FormatStager {

    private static final Pattern LINE = Pattern.compile("Line: (\\d+)");

    @Override
    public StagedFile inspect(Path file, FileKind declared, StageContext context) throws IOException {
        CsvLayout csv = CsvSniffer.sniff(file);
        FileKind kind = Staging.kind(declared, csv.header());
        return StagedFile.inspected(FileFormat.CSV, kind, csv.header(), Staging.columns(kind, csv.header()))
                .withEncoding(csv.charset().name(), csv.delimiterName(), csv.decimalComma());
    }

    @Override
    public long estimateRows(Path file) throws IOException {
        long size = Files.size(file);
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(1 << 16);
        }
        long lines = 0;
        for (byte b : head) {
            if (b == '\n') {
                lines++;
            }
        }
        return lines == 0 ? 1 : Math.max(1, Math.round(size * (double) lines / head.length) - 1);
    }

    @Override
    public StagedFile stage(Path file, FileKind declared, String schema, long limit, StageContext context) throws IOException, SQLException {
        return stage(file, declared, schema, limit, context, false);
    }

    @Override
    public StagedFile stage(Path file, FileKind declared, String schema, StageContext context, boolean direct) throws IOException, SQLException {
        return stage(file, declared, schema, Long.MAX_VALUE, context, direct);
    }

    /** With {@code direct}, a file whose scan found no record too wide and no unreadable text is not staged but viewed. */
    private StagedFile stage(Path file, FileKind declared, String schema, long limit, StageContext context, boolean direct)
            throws IOException, SQLException {
        Path source = file;
        if (limit < Long.MAX_VALUE) {
            source = CsvSniffer.head(file, CsvSniffer.sniff(file), (int) Math.min(limit + 1, 10_000), context.work().resolve(schema + ".head"));
        }
        Path utf16 = null;
        Charset bomCharset = bomCharset(source);
        if (bomCharset != null && !bomCharset.equals(StandardCharsets.UTF_8)) {
            // Excel's "Unicode text": UTF-16 with its mark, read as UTF-8 from here on.
            utf16 = context.work().resolve(schema + ".utf8");
            CsvRewrite.write(source, bomCharset, true, ',', 0, utf16);
            source = utf16;
        }
        try {
            CsvScan scan = CsvScan.of(source).requireReadable();
            List<String> header = scan.header();
            FileKind kind = Staging.kind(declared, header);
            List<String> columns = Staging.columns(kind, header);
            Path read = source;
            if (scan.bom() || !scan.utf8() || scan.needsCut()) {
                read = context.workFile(schema);
                CsvRewrite.write(source, scan.charset(), scan.bom(), scan.delimiter(), scan.needsCut() ? header.size() : 0, read);
            }
            boolean wide = Staging.wide(context.connection(), schema, scan.wide(), header.size());
            // Viewed only when what it reads stays there until the job ends (not a UTF-16 file's converted copy, nor a head).
            boolean view = direct && utf16 == null && limit == Long.MAX_VALUE && !wide && !scan.unreadable();
            readCsv(context, schema, read, scan.delimiter(), columns, Staging.absent(kind, columns), scan.quotedLineBreak(), view);
            String encoding = utf16 != null ? bomCharset.name() : scan.charset().name();
            CsvLayout layout = new CsvLayout(scan.charset(), scan.bom(), scan.delimiter(), header);
            return new StagedFile(FileFormat.CSV, kind, header, columns, encoding, layout.delimiterName(), layout.decimalComma(),
                    view ? StagedFile.NO_LINE : scan.rowExpression(), wide, scan.unreadable(), scan.spaced());
        } finally {
            if (utf16 != null) {
                Files.deleteIfExists(utf16);
            }
            if (limit < Long.MAX_VALUE) {
                Files.deleteIfExists(context.work().resolve(schema + ".head"));
            }
        }
    }

    private static Charset bomCharset(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return CsvSniffer.bomCharset(in.readNBytes(3));
        }
    }

    private static void readCsv(StageContext context, String schema, Path utf8, char delimiter, List<String> names, String absent,
                                boolean quotedLineBreaks, boolean view) throws SQLException {
        String script = Staging.script("stage-csv", schema, Map.of(
                "relation", view ? "VIEW" : "TABLE",
                "path", Staging.literal(utf8.toAbsolutePath().toString()),
                "delimiter", Staging.literal(String.valueOf(delimiter)),
                "parallel", quotedLineBreaks ? "false" : "true",
                "absent", absent,
                "names", names.stream().map(Staging::literal).collect(Collectors.joining(", ", "[", "]"))));
        try {
            context.probe().execute(context.connection(), script);
        } catch (SQLException e) {
            // DuckDB's reader could not make records of the text: say so without its internals (paths, buffers)
            String message = String.valueOf(e.getMessage());
            if (message.contains("CSV Error") || message.contains("Error when sniffing") || message.contains("unicode")) {
                Matcher line = LINE.matcher(message);
                throw line.find() ? new UnreadableFileException("file.csv-unsplittable-near", Long.parseLong(line.group(1)))
                        : new UnreadableFileException("file.csv-unsplittable");
            }
            throw e;
        }
    }
}
