package org.pilotage.ingestion.csv;

import java.nio.charset.Charset;
import java.util.List;

/**
 * How a CSV file is written, as recognised from its first bytes.
 *
 * @param charset   UTF-8, Windows-1252, or UTF-16 (with a byte-order mark)
 * @param bom       the file starts with a byte-order mark
 * @param delimiter {@code ,}, {@code ;} or tab
 * @param header    the cells of the first record
 */
public record CsvLayout(Charset charset, boolean bom, char delimiter, List<String> header) {

    /** Decimal comma is accepted when the comma is not the delimiter ({@code 12,5}). */
    public boolean decimalComma() {
        return delimiter != ',';
    }

    public String delimiterName() {
        return switch (delimiter) {
            case '\t' -> "tab";
            case ';' -> ";";
            default -> ",";
        };
    }
}
