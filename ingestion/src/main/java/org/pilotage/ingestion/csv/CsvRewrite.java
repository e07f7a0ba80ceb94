package org.pilotage.ingestion.csv;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a CSV file again as DuckDB's reader takes it, in one pass, only when it must: in UTF-8 without a
 * byte-order mark (from Windows-1252, UTF-16 or UTF-8 with a mark), and with every record cut to the
 * header's columns when records carry many cells past them (empty cells that DuckDB would otherwise read
 * one by one; the records with non-empty ones were noted by the scan and are rejected).
 */
public final class CsvRewrite {

    private CsvRewrite() {
    }

    /**
     * @param width the header's columns; 0 keeps every cell
     */
    public static void write(Path source, Charset charset, boolean bom, char delimiter, int width, Path target) throws IOException {
        try (InputStream in = Files.newInputStream(source);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset.newDecoder()
                     .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16);
             BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            if (bom) {
                reader.mark(1);
                if (reader.read() != '\uFEFF') {
                    reader.reset();
                }
            }
            boolean quoted = false;
            int cell = 1;        // the cell of the record we are in, 1-based
            int c;
            while ((c = reader.read()) >= 0) {
                if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted && (c == '\n' || c == '\r')) {
                    cell = 1;
                    out.write(c);
                    continue;
                } else if (!quoted && c == delimiter) {
                    cell++;
                }
                if (width == 0 || cell <= width) {
                    out.write(c);
                }
            }
        }
    }
}
