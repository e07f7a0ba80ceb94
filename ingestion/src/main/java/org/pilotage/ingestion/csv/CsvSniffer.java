package org.pilotage.ingestion.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.pilotage.ingestion.kind.UnreadableFileException;

/**
 * Recognises the encoding, delimiter and header of a CSV file as Excel and other tools write them:
 * UTF-8 with or without BOM, Windows-1252 (Excel on French Windows), or UTF-16 with its BOM (Excel's
 * "Unicode text"); comma, semicolon or tab.
 */
public final class CsvSniffer {

    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int SAMPLE = 1 << 20;

    private CsvSniffer() {
    }

    public static CsvLayout sniff(Path file) throws IOException {
        byte[] sample;
        try (InputStream in = Files.newInputStream(file)) {
            sample = in.readNBytes(SAMPLE);
        }
        Charset charset = bomCharset(sample);
        boolean bom = charset != null;
        int start = bom ? bomLength(charset) : 0;
        if (!bom) {
            if (looksBinary(sample, start)) {
                throw new UnreadableFileException("le fichier n'est pas un fichier CSV (contenu binaire)",
                        "the file is not a CSV file (binary content)");
            }
            charset = isUtf8(sample, start, sample.length < SAMPLE) ? StandardCharsets.UTF_8 : WINDOWS_1252;
        }
        String text = new String(sample, start, sample.length - start, charset);
        String headerLine = firstNonBlankRecord(text);
        if (headerLine == null) {
            throw new UnreadableFileException("le fichier est vide", "the file is empty");
        }
        char delimiter = delimiter(headerLine);
        List<String> header = splitRecord(headerLine, delimiter);
        while (!header.isEmpty() && header.getLast().isBlank()) {
            header.removeLast(); // trailing empty columns
        }
        if (header.isEmpty()) {
            throw new UnreadableFileException("le fichier n'a pas de ligne d'en-tête", "the file has no header row");
        }
        return new CsvLayout(charset, bom, delimiter, List.copyOf(header));
    }

    /**
     * The encoding a byte-order mark names: UTF-8, or UTF-16 as Excel writes "Unicode text" (little-endian);
     * null without a mark.
     */
    public static Charset bomCharset(byte[] head) {
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    static int bomLength(Charset charset) {
        return charset.equals(StandardCharsets.UTF_8) ? 3 : 2;
    }

    private static boolean looksBinary(byte[] sample, int start) {
        int end = Math.min(sample.length, start + 4096);
        for (int i = start; i < end; i++) {
            if (sample[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** Strict UTF-8 check; a sample cut inside a multi-byte character at its end still counts as UTF-8. */
    private static boolean isUtf8(byte[] sample, int start, boolean complete) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int length = sample.length - start;
        if (!complete) {
            int back = 0;
            while (back < 3 && length - back > 0 && (sample[start + length - back - 1] & 0xC0) == 0x80) {
                back++;
            }
            if (length - back > 0 && (sample[start + length - back - 1] & 0xC0) == 0xC0) {
                length -= back + 1;
            }
        }
        try {
            decoder.decode(ByteBuffer.wrap(sample, start, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The first record that is not blank, with line breaks inside quotes kept. */
    private static String firstNonBlankRecord(String text) {
        int i = 0;
        while (i < text.length()) {
            int end = recordEnd(text, i);
            String record = text.substring(i, end);
            if (!record.replaceAll("[,;\\t\\s\"]", "").isEmpty()) {
                return record;
            }
            i = end + 1;
            if (end < text.length() && text.charAt(end) == '\r' && end + 1 < text.length() && text.charAt(end + 1) == '\n') {
                i++;
            }
        }
        return null;
    }

    private static int recordEnd(String text, int from) {
        boolean quoted = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                return i;
            }
        }
        return text.length();
    }

    private static char delimiter(String header) {
        int comma = 0;
        int semicolon = 0;
        int tab = 0;
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                switch (c) {
                    case ',' -> comma++;
                    case ';' -> semicolon++;
                    case '\t' -> tab++;
                    default -> { }
                }
            }
        }
        if (semicolon >= comma && semicolon >= tab && semicolon > 0) {
            return ';';
        }
        if (tab > comma) {
            return '\t';
        }
        return ',';
    }

    /** Splits one RFC 4180 record. */
    static List<String> splitRecord(String record, char delimiter) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < record.length(); i++) {
            char c = record.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < record.length() && record.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == delimiter) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    /**
     * Whether a quoted cell holds a line break: DuckDB's parallel CSV scanner cannot pad short rows
     * then, so such files are read by one thread. One pass over the bytes (quotes and line ends are
     * ASCII in UTF-8 and Windows-1252 alike).
     */
    public static boolean hasQuotedLineBreak(Path file) throws IOException {
        return scan(file).quotedLineBreak();
    }

    /**
     * What one pass over every byte of a UTF-8 or Windows-1252 file tells: quoted line breaks, a quote
     * never closed, and whether the whole file (not only the sample the encoding was guessed from) is
     * UTF-8.
     *
     * @param quotedLineBreak   a quoted cell holds a line break
     * @param openQuoteLine     the line where a quote opened and never closed, or 0
     * @param utf8              every byte sequence is valid UTF-8
     * @param firstInvalidLine  the line of the first byte that is not UTF-8, or 0
     * @param utf8BeforeInvalid valid multi-byte UTF-8 characters come before that byte (two encodings mixed)
     * @param blankRecords      the records (0 = the header) that are blank lines, in order, at most {@value #MAX_BLANKS}
     */
    public record Scan(boolean quotedLineBreak, long openQuoteLine, boolean utf8, long firstInvalidLine, boolean utf8BeforeInvalid,
                       List<Long> blankRecords) {

        /**
         * The spreadsheet row of a staged record, as SQL on {@code s.rowid}: DuckDB's reader skips blank lines,
         * which a spreadsheet shows as empty rows, so each blank line before a record moves it down one row.
         */
        public String rowExpression() {
            if (blankRecords.isEmpty()) {
                return "s.rowid + 2";
            }
            StringBuilder sb = new StringBuilder("s.rowid + 2 + CASE");
            for (int j = blankRecords.size(); j >= 1; j--) {
                // the first record after the j-th blank line has rowid (its record number - j)
                sb.append(" WHEN s.rowid >= ").append(blankRecords.get(j - 1) - j).append(" THEN ").append(j);
            }
            return sb.append(" ELSE 0 END").toString();
        }
    }

    /** Blank lines kept track of for row numbers; beyond them, later rows keep the shift of the last. */
    public static final int MAX_BLANKS = 500;

    public static Scan scan(Path file) throws IOException {
        boolean quoted = false;
        boolean quotedBreak = false;
        long line = 1;
        long quoteLine = 0;
        long invalidLine = 0;
        boolean multibyte = false;
        boolean multibyteBeforeInvalid = false;
        long record = 0;              // records, the header being 0
        boolean recordEmpty = true;   // nothing but a carriage return in the record so far
        List<Long> blanks = new ArrayList<>();
        int need = 0;        // continuation bytes still expected
        int low = 0x80;      // range of the next continuation byte (tighter after E0, ED, F0, F4)
        int high = 0xBF;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    int b = buffer[i] & 0xFF;
                    if (b != '\n' && b != '\r') {
                        recordEmpty = false;
                    }
                    if (b < 0x80) {
                        if (need > 0 && invalidLine == 0) {
                            invalidLine = line;
                            multibyteBeforeInvalid = multibyte;
                        }
                        need = 0;
                        if (b == '"') {
                            quoted = !quoted;
                            if (quoted) {
                                quoteLine = line;
                            }
                        } else if (b == '\n') {
                            if (quoted) {
                                quotedBreak = true;
                            } else {
                                if (recordEmpty && record > 0 && blanks.size() < MAX_BLANKS) {
                                    blanks.add(record);
                                }
                                record++;
                                recordEmpty = true;
                            }
                            line++;
                        } else if (b == '\r' && quoted) {
                            quotedBreak = true;
                        }
                        continue;
                    }
                    if (invalidLine != 0) {
                        continue; // not UTF-8: only quotes and lines matter now
                    }
                    if (need > 0) {
                        if (b < low || b > high) {
                            invalidLine = line;
                            multibyteBeforeInvalid = multibyte;
                            need = 0;
                            continue;
                        }
                        low = 0x80;
                        high = 0xBF;
                        if (--need == 0) {
                            multibyte = true;
                        }
                    } else if (b >= 0xC2 && b <= 0xDF) {
                        need = 1;
                    } else if (b >= 0xE0 && b <= 0xEF) {
                        need = 2;
                        low = b == 0xE0 ? 0xA0 : 0x80;
                        high = b == 0xED ? 0x9F : 0xBF;
                    } else if (b >= 0xF0 && b <= 0xF4) {
                        need = 3;
                        low = b == 0xF0 ? 0x90 : 0x80;
                        high = b == 0xF4 ? 0x8F : 0xBF;
                    } else {
                        invalidLine = line;
                        multibyteBeforeInvalid = multibyte;
                    }
                }
            }
        }
        if (need > 0 && invalidLine == 0) {
            invalidLine = line; // cut inside a character at the end
            multibyteBeforeInvalid = multibyte;
        }
        return new Scan(quotedBreak, quoted ? quoteLine : 0, invalidLine == 0, invalidLine, multibyteBeforeInvalid, List.copyOf(blanks));
    }

    /** The header and the first {@code records} records of a CSV, in its own encoding, as a small file. */
    public static Path head(Path source, CsvLayout layout, int records, Path target) throws IOException {
        byte[] sample;
        try (InputStream in = Files.newInputStream(source)) {
            sample = in.readNBytes(SAMPLE);
        }
        int start = layout.bom() ? bomLength(layout.charset()) : 0;
        String text = new String(sample, start, sample.length - start, layout.charset());
        int at = 0;
        int found = 0;
        while (at < text.length() && found <= records) {
            int end = recordEnd(text, at);
            found++;
            at = Math.min(text.length(), end + 1);
        }
        if (sample.length == SAMPLE && at >= text.length()) {
            // the head is longer than the sample: cut at the last complete line
            at = Math.max(text.lastIndexOf('\n'), 0);
        }
        // in UTF-8, which the preview reads like any converted file (it names the original's encoding itself)
        Files.writeString(target, text.substring(0, at), StandardCharsets.UTF_8);
        return target;
    }

    /** Copies the file as UTF-8 without BOM (what DuckDB's reader takes) when it is not already so. */
    public static Path toUtf8(Path source, CsvLayout layout, Path target) throws IOException {
        if (layout.charset().equals(StandardCharsets.UTF_8) && !layout.bom()) {
            return source;
        }
        try (InputStream in = Files.newInputStream(source);
             var reader = new java.io.InputStreamReader(in, layout.charset().newDecoder()
                     .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
             var writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            if (layout.bom()) {
                in.skipNBytes(bomLength(layout.charset()));
            }
            CharBuffer buffer = CharBuffer.allocate(1 << 16);
            while (reader.read(buffer) >= 0) {
                buffer.flip();
                writer.append(buffer);
                buffer.clear();
            }
        }
        return target;
    }
}
