package org.pilotage.ingestion.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
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
                throw new UnreadableFileException("file.binary-not-csv");
            }
            charset = isUtf8(sample, start, sample.length < SAMPLE) ? StandardCharsets.UTF_8 : WINDOWS_1252;
        }
        String text = new String(sample, start, sample.length - start, charset);
        String headerLine = firstNonBlankRecord(text);
        if (headerLine == null) {
            throw new UnreadableFileException("file.empty");
        }
        char delimiter = delimiter(headerLine);
        List<String> header = splitRecord(headerLine, delimiter);
        while (!header.isEmpty() && header.getLast().isBlank()) {
            header.removeLast(); // trailing empty columns
        }
        if (header.isEmpty()) {
            throw new UnreadableFileException("file.no-header");
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

}
