package org.pilotage.ingestion.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.pilotage.ingestion.kind.UnreadableFileException;

/**
 * What one pass over every byte of a CSV file tells, before DuckDB reads it: the encoding (the whole
 * file decides, not a sample), the delimiter and the header, quoted line breaks, a quote never closed,
 * blank records (spreadsheet rows that DuckDB's reader skips), how many records there are, and the
 * records that hold more values than the header has columns. Quotes, delimiters and line ends are
 * ASCII in UTF-8 and Windows-1252 alike, so the pass works on bytes.
 *
 * @param charset             UTF-8 when every byte sequence is UTF-8, else Windows-1252
 * @param bom                 the file starts with a UTF-8 byte-order mark
 * @param delimiter           {@code ,}, {@code ;} or tab, from the header record
 * @param header              the header's cells, trailing empty ones left out
 * @param records             data records, blank ones included
 * @param quotedLineBreak     a quoted cell holds a line break (DuckDB must then read the file on one thread)
 * @param openQuoteLine       the line where a quote opened and never closed, or 0
 * @param firstInvalidLine    the line of the first byte sequence that is not UTF-8, or 0
 * @param utf8BeforeInvalid   UTF-8 characters came before that byte: a UTF-8 file with a line in another encoding
 * @param utf8AfterInvalidLine in a Windows-1252 file, the first line holding UTF-8 text after it, or 0
 * @param blankRecords        the records (0 = the header) that are blank lines, in order, at most {@value #MAX_BLANKS}
 * @param wide                records with more non-empty cells than the header has columns: {line, cells}, at most
 *                            {@value #MAX_WIDE}
 * @param maxCells            the most cells of any record, empty ones included
 * @param unreadable          some text was lost before the file reached Pilotage: the replacement character U+FFFD in
 *                            UTF-8, or a byte Windows-1252 does not define
 * @param spaced              some cell may start or end with a space that trimming removes (always, for a file not in
 *                            UTF-8); when none does, the checks need not trim the cells of a large file, their dearest work
 */
public record CsvScan(Charset charset, boolean bom, char delimiter, List<String> header, long records,
                      boolean quotedLineBreak, long openQuoteLine, long firstInvalidLine, boolean utf8BeforeInvalid,
                      long utf8AfterInvalidLine, List<Long> blankRecords, List<long[]> wide, int maxCells,
                      boolean unreadable, boolean spaced) {

    /** Blank lines kept track of for row numbers; beyond them, later rows keep the shift of the last. */
    public static final int MAX_BLANKS = 500;
    /** Wide records kept; beyond them the file is over any skip limit anyway. */
    public static final int MAX_WIDE = 200_000;
    /** Columns a file may have: more is not a file of the contract, and would cost every reader. */
    public static final int MAX_COLUMNS = 1_000;
    /** The header record is read whole before the rest: no header is this long. */
    private static final int MAX_HEADER_BYTES = 1 << 20;

    public boolean utf8() {
        return firstInvalidLine == 0;
    }

    /** Empty cells past the header's columns that DuckDB would have to read: worth cutting off first. */
    public boolean needsCut() {
        return maxCells > header.size() + 16;
    }

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

    /** Fails with one sentence when the file cannot be read as one text of records. */
    public CsvScan requireReadable() {
        if (!utf8() && (bom || utf8BeforeInvalid)) {
            // UTF-8 characters, then a byte that is not UTF-8: two files pasted together, or an edit in another encoding.
            throw new UnreadableFileException("file.mixed-encodings", firstInvalidLine);
        }
        if (!utf8() && utf8AfterInvalidLine > 0) {
            throw new UnreadableFileException("file.mixed-encodings-1252", utf8AfterInvalidLine);
        }
        if (openQuoteLine > 0) {
            throw new UnreadableFileException("file.open-quote", openQuoteLine);
        }
        return this;
    }

    /** Scans a UTF-8 or single-byte file (a UTF-16 file is transcoded to UTF-8 first). */
    public static CsvScan of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            Scanner s = new Scanner();
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                s.feed(buffer, n);
            }
            return s.finish();
        }
    }

    /** The state of the pass; fed buffer by buffer. */
    private static final class Scanner {
        // where we are
        private long offset;
        private long line = 1;
        private long record;                 // records, the header being 0
        private boolean quoted;
        private long quoteLine;
        private boolean quotedBreak;
        private boolean recordEmpty = true;  // nothing but a carriage return in the record so far
        private final List<Long> blanks = new ArrayList<>();
        // UTF-8
        private boolean bom;
        private int need;                    // continuation bytes still expected
        private int low = 0x80;              // range of the next continuation byte (tighter after E0, ED, F0, F4)
        private int high = 0xBF;
        private boolean multibyte;
        private long invalidLine;
        private boolean multibyteBeforeInvalid;
        private int previous = -1;           // the two bytes before, to spot UTF-8 text once the file is known not to be
        private int beforePrevious = -1;
        private long utf8AfterInvalidLine;
        private boolean replacement;         // EF BF BD: U+FFFD in UTF-8
        private boolean undefined1252;       // 81, 8D, 8F, 90, 9D: no character in Windows-1252
        // the header, read whole first
        private byte[] headerBytes = new byte[256];
        private int headerLength;
        private boolean headerDone;
        private char delimiter = ',';
        private List<String> headerCells;
        private int width;
        // cells of the current record
        private int cells;                   // delimiters seen + 1, once the record has begun
        private int lastFilled;              // 1-based index of the last cell holding something, 0 if none
        private boolean cellFilled;
        private int maxCells;
        private final List<long[]> wide = new ArrayList<>();
        // whether a cell may start or end with a space that trim() removes (told by its first and last byte)
        private boolean cellStart = true;
        private int lastContent = -1;
        private boolean spaced;
        // visible ASCII that is neither a quote nor the delimiter, once the header is read: nothing to do but fill the cell
        private final boolean[] plain = new boolean[256];

        void feed(byte[] buffer, int n) {
            int i = 0;
            if (offset == 0 && n >= 3 && (buffer[0] & 0xFF) == 0xEF && (buffer[1] & 0xFF) == 0xBB && (buffer[2] & 0xFF) == 0xBF) {
                bom = true;
                i = 3;
            }
            for (; i < n; i++) {
                int b = buffer[i] & 0xFF;
                if (plain[b] && need == 0) {
                    // most bytes of a file: a run of them fills the cell and changes nothing else
                    int start = i;
                    while (i + 1 < n && plain[buffer[i + 1] & 0xFF]) {
                        i++;
                    }
                    recordEmpty = false;
                    cellFilled = true;
                    cellStart = false;
                    lastContent = buffer[i] & 0xFF;
                    beforePrevious = i > start ? buffer[i - 1] & 0xFF : previous;
                    previous = buffer[i] & 0xFF;
                    continue;
                }
                if (!headerDone) {
                    header(b);
                }
                if (b < 0x80) {
                    ascii(b);
                } else {
                    recordEmpty = false;
                    cellFilled = true;
                    nonAscii(b);
                }
                beforePrevious = previous;
                previous = b;
            }
            offset += n;
        }

        private void header(int b) {
            if (headerLength == headerBytes.length) {
                if (headerLength >= MAX_HEADER_BYTES) {
                    throw new UnreadableFileException("file.too-many-columns", MAX_COLUMNS + 1, MAX_COLUMNS);
                }
                headerBytes = Arrays.copyOf(headerBytes, headerLength * 2);
            }
            headerBytes[headerLength++] = (byte) b;
        }

        private void ascii(int b) {
            if (need > 0 && invalidLine == 0) {
                invalid(); // a multi-byte character cut short
            }
            need = 0;
            if (b == '"') {
                quoted = !quoted;
                if (quoted) {
                    quoteLine = line;
                }
                recordEmpty = false;
                return;
            }
            if (b == '\n') {
                if (quoted) {
                    quotedBreak = true;
                    content(b);
                } else {
                    endRecord();
                }
                line++;
                return;
            }
            if (b == '\r') {
                if (quoted) {
                    quotedBreak = true;
                    content(b);
                }
                return;
            }
            recordEmpty = false;
            if (!quoted && headerDone && b == delimiter) {
                endCell();
                cells++;
                return;
            }
            if (b != ' ') {
                cellFilled = true;
            } else if (cellStart && headerDone) {
                spaced = true;
            }
            content(b);
        }

        /** A byte of a cell's text (quotes are not: DuckDB's reader takes them off). */
        private void content(int b) {
            cellStart = false;
            lastContent = b;
        }

        private void nonAscii(int b) {
            if (cellStart && headerDone && (b == 0xC2 || b == 0xE1 || b == 0xE2 || b == 0xE3)) {
                spaced = true; // may open a space of Unicode's Zs category (no-break, narrow, ideographic…), which trim() removes
            }
            content(b);
            if (b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D) {
                undefined1252 = true;
            }
            if (b == 0xBD && previous == 0xBF && beforePrevious == 0xEF) {
                replacement = true;
            }
            if (invalidLine != 0) {
                // Not UTF-8: text that is UTF-8 after all, in a file written in Windows-1252 ("Ã©" for "é", "â€™" for "’").
                if (utf8AfterInvalidLine == 0 && (previous == 0xC3 && b >= 0x80 && b <= 0xBF
                        || previous == 0xC5 && (b == 0x92 || b == 0x93)
                        || beforePrevious == 0xE2 && previous == 0x80 && b >= 0x80 && b <= 0xBF)) {
                    utf8AfterInvalidLine = line;
                }
                return;
            }
            if (need > 0) {
                if (b < low || b > high) {
                    invalid();
                    return;
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
                invalid();
            }
        }

        private void invalid() {
            invalidLine = line;
            multibyteBeforeInvalid = multibyte;
            need = 0;
        }

        private void endCell() {
            if (cellFilled) {
                lastFilled = cells + 1;
            }
            cellFilled = false;
            int b = lastContent;
            if (b == ' ' || b == 0xA0 || b >= 0x80 && b <= 0x8A || b == 0xAF || b == 0x9F) {
                spaced = true; // ends with a space, or with the last byte of one of the Zs category
            }
            cellStart = true;
            lastContent = -1;
        }

        private void endRecord() {
            if (!headerDone) {
                if (recordEmpty || blankHeader()) {
                    headerLength = 0; // a blank line, or one of empty cells, before the header
                    recordEmpty = true;
                    return;
                }
                readHeader();
                cellStart = true;
                lastContent = -1;
            } else {
                endCell();
                int count = cells + 1;
                maxCells = Math.max(maxCells, count);
                if (recordEmpty && record > 0 && blanks.size() < MAX_BLANKS) {
                    blanks.add(record);
                }
                if (lastFilled > width && wide.size() < MAX_WIDE) {
                    wide.add(new long[] {record + 1, lastFilled});
                }
            }
            record++;
            recordEmpty = true;
            cells = 0;
            lastFilled = 0;
            cellFilled = false;
        }

        private boolean blankHeader() {
            for (int i = 0; i < headerLength; i++) {
                int c = headerBytes[i];
                if (c != ',' && c != ';' && c != '\t' && c != ' ' && c != '"' && c != '\r' && c != '\n') {
                    return false;
                }
            }
            return true;
        }

        private void readHeader() {
            headerDone = true;
            String text = new String(headerBytes, 0, headerLength, StandardCharsets.ISO_8859_1);
            delimiter = delimiter(text);
            headerCells = new ArrayList<>();
            for (String cell : CsvSniffer.splitRecord(text.replace("\r", "").replace("\n", ""), delimiter)) {
                headerCells.add(cell);
            }
            while (!headerCells.isEmpty() && headerCells.getLast().isBlank()) {
                headerCells.removeLast(); // trailing empty columns
            }
            width = headerCells.size();
            if (width > MAX_COLUMNS) {
                throw new UnreadableFileException("file.too-many-columns", width, MAX_COLUMNS);
            }
            maxCells = width;
            for (int c = 0x21; c < 0x7F; c++) {
                plain[c] = c != '"' && c != delimiter;
            }
        }

        CsvScan finish() {
            if (need > 0 && invalidLine == 0) {
                invalid(); // cut inside a character at the end
            }
            if (!recordEmpty || (!headerDone && headerLength > 0)) {
                endRecord(); // the last record has no line end
            }
            if (!headerDone) {
                throw new UnreadableFileException("file.empty");
            }
            if (width == 0) {
                throw new UnreadableFileException("file.no-header");
            }
            Charset charset = invalidLine == 0 ? StandardCharsets.UTF_8 : CsvSniffer.WINDOWS_1252;
            List<String> header = new ArrayList<>();
            for (String cell : headerCells) {
                // the cells were split on bytes; now the encoding is known
                header.add(new String(cell.getBytes(StandardCharsets.ISO_8859_1), charset));
            }
            return new CsvScan(charset, bom, delimiter, List.copyOf(header), Math.max(0, record - 1), quotedBreak,
                    quoted ? quoteLine : 0, invalidLine, multibyteBeforeInvalid, utf8AfterInvalidLine, List.copyOf(blanks),
                    List.copyOf(wide), maxCells, invalidLine == 0 ? replacement : undefined1252, invalidLine != 0 || spaced);
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
    }
}
