package org.pilotage.ingestion.stage;

import java.util.List;

import org.pilotage.ingestion.kind.FileKind;

/**
 * What staging learned of a file.
 *
 * @param header       the file's column names as written
 * @param columns      for each header cell, the column Pilotage stored it as (English name, or extra_N)
 * @param encoding     the text encoding (CSV only), else null
 * @param delimiter    the delimiter (CSV only), else null
 * @param decimalComma whether {@code 12,5} reads as twelve and a half
 * @param line         SQL giving a staged row's line in the file, over alias {@code s}; {@link #NO_LINE} when the file is read
 *                     straight from its source ({@link #direct()})
 * @param wide         {@code <schema>.wide} lists lines holding more values than the header has columns
 * @param unreadable   some cells may hold text that could not be read (U+FFFD)
 * @param spaced       some cells may start or end with spaces: the checks trim every cell (they need not when a scan of
 *                     the whole file found none)
 */
public record StagedFile(FileFormat format, FileKind kind, List<String> header, List<String> columns, String encoding,
                         String delimiter, boolean decimalComma, String line, boolean wide, boolean unreadable,
                         boolean spaced) {

    /** The line of a file read straight from its source: unknown (DuckDB's parallel reader gives no record numbers). */
    public static final String NO_LINE = "NULL::BIGINT";

    /** The file is not staged but read by the check straight from its source: fit only for a file whose every row passes. */
    public boolean direct() {
        return NO_LINE.equals(line);
    }

    /** What inspecting a file learns before any staging: the header and the kind. */
    public static StagedFile inspected(FileFormat format, FileKind kind, List<String> header, List<String> columns) {
        return new StagedFile(format, kind, header, columns, null, null, false, null, false, false, true);
    }

    public StagedFile withEncoding(String encoding, String delimiter, boolean decimalComma) {
        return new StagedFile(format, kind, header, columns, encoding, delimiter, decimalComma, line, wide, unreadable, spaced);
    }
}
