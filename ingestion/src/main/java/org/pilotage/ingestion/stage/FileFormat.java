package org.pilotage.ingestion.stage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.pilotage.ingestion.csv.CsvSniffer;

/** The formats Pilotage reads, recognised from the file's first bytes (never from its name alone). */
public enum FileFormat {
    CSV("csv"), XLSX("xlsx"), PARQUET("parquet"), ARROW_FILE("arrow"), ARROW_STREAM("arrows");

    private final String code;

    FileFormat(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<FileFormat> ofCode(String code) {
        for (FileFormat f : values()) {
            if (f.code.equals(code)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** What the bytes are; empty for content Pilotage does not read (an image, a PDF, an old .xls…). */
    public static Optional<FileFormat> detect(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8);
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return Optional.of(XLSX);
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1') {
            return Optional.of(PARQUET);
        }
        if (head.length >= 6 && new String(head, 0, 6, java.nio.charset.StandardCharsets.US_ASCII).equals("ARROW1")) {
            return Optional.of(ARROW_FILE);
        }
        if (head.length >= 4 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFF && (head[2] & 0xFF) == 0xFF
                && (head[3] & 0xFF) == 0xFF) {
            return Optional.of(ARROW_STREAM);
        }
        if (CsvSniffer.bomCharset(head) != null || looksLikeText(file)) {
            return Optional.of(CSV);
        }
        return Optional.empty();
    }

    private static boolean looksLikeText(Path file) throws IOException {
        byte[] sample;
        try (InputStream in = Files.newInputStream(file)) {
            sample = in.readNBytes(8192);
        }
        if (sample.length == 0) {
            return true; // an empty file: the reader says so in its own words
        }
        int control = 0;
        for (byte b : sample) {
            int c = b & 0xFF;
            if (c == 0) {
                return false;
            }
            if (c < 0x09 || (c > 0x0D && c < 0x20 && c != 0x1A)) {
                control++;
            }
        }
        return control * 100 < sample.length;
    }

    /** The format a file name claims, from its extension; empty when it claims none we know. */
    public static Optional<FileFormat> claimedBy(String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".txt") || name.endsWith(".tsv")) {
            return Optional.of(CSV);
        }
        if (name.endsWith(".xlsx")) {
            return Optional.of(XLSX);
        }
        if (name.endsWith(".parquet")) {
            return Optional.of(PARQUET);
        }
        if (name.endsWith(".arrow") || name.endsWith(".feather") || name.endsWith(".ipc")) {
            return Optional.of(ARROW_FILE);
        }
        if (name.endsWith(".arrows")) {
            return Optional.of(ARROW_STREAM);
        }
        return Optional.empty();
    }
}
