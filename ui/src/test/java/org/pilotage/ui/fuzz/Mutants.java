package org.pilotage.ui.fuzz;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.ArrowWriter;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Valid indicator-measures files in every binary format Pilotage reads (Arrow file and stream, with a
 * dictionary-encoded column and dates; Parquet, compressed and not; XLSX), and deterministic mutants of
 * them: bit flips, truncations, random bytes, lengths swapped for huge or negative ones, zeroed runs,
 * and for workbooks the same inside the sheet's XML.
 */
public final class Mutants {

    /** One file to upload: its name (with the extension its format claims) and its bytes. */
    public record Sample(String name, byte[] bytes) {
    }

    private Mutants() {
    }

    /** The valid files the mutants come from. */
    public static List<Sample> originals(Path work) throws Exception {
        List<Sample> out = new ArrayList<>();
        out.add(new Sample("mesures.arrow", arrow(true, 60, "FUZZ-A")));
        out.add(new Sample("mesures.arrows", arrow(false, 60, "FUZZ-S")));
        out.add(new Sample("mesures.parquet", parquet(work, "snappy", "FUZZ-P")));
        out.add(new Sample("mesures-brut.parquet", parquet(work, "uncompressed", "FUZZ-U")));
        out.add(new Sample("mesures.xlsx", xlsx(40, "FUZZ-X")));
        return out;
    }

    /** {@code count} mutants, spread over the originals, the same for the same seed. */
    public static List<Sample> of(List<Sample> originals, int count, long seed) throws IOException {
        Random random = new Random(seed);
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Sample base = originals.get(i % originals.size());
            byte[] mutated = base.name().endsWith(".xlsx") && random.nextBoolean()
                    ? insideWorkbook(base.bytes(), random) : mutate(base.bytes(), random);
            String name = base.name().replace(".", "-" + i + ".");
            out.add(new Sample(name, mutated));
        }
        return out;
    }

    static byte[] mutate(byte[] original, Random random) {
        byte[] b = original.clone();
        int n = b.length;
        switch (random.nextInt(6)) {
            case 0 -> { // bit flips
                int flips = 1 + random.nextInt(4);
                for (int k = 0; k < flips; k++) {
                    int at = random.nextInt(n);
                    b[at] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> { // truncated
                return java.util.Arrays.copyOf(b, random.nextInt(Math.max(1, n)));
            }
            case 2 -> { // random bytes
                int at = random.nextInt(n);
                int len = Math.min(n - at, 1 + random.nextInt(16));
                for (int k = 0; k < len; k++) {
                    b[at + k] = (byte) random.nextInt(256);
                }
            }
            case 3 -> { // a length swapped for a huge, negative or wrong one
                int at = (random.nextInt(Math.max(1, n - 4)) / 4) * 4;
                int[] values = {Integer.MAX_VALUE, -1, 0xFFFFFFF0, n * 2, random.nextInt(), 1 << 30, 8};
                int v = values[random.nextInt(values.length)];
                for (int k = 0; k < 4 && at + k < n; k++) {
                    b[at + k] = (byte) (v >>> (8 * k));
                }
            }
            case 4 -> { // zeroed run
                int at = random.nextInt(n);
                int len = Math.min(n - at, 1 + random.nextInt(64));
                java.util.Arrays.fill(b, at, at + len, (byte) 0);
            }
            default -> { // a slice of the file copied over another part of it
                int from = random.nextInt(n);
                int to = random.nextInt(n);
                int len = Math.min(Math.min(n - from, n - to), 1 + random.nextInt(128));
                System.arraycopy(original, from, b, to, len);
            }
        }
        return b;
    }

    /** The workbook rezipped with its sheet's (or shared strings') XML mutated. */
    static byte[] insideWorkbook(byte[] xlsx, Random random) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String target = random.nextBoolean() ? "xl/worksheets/sheet1.xml" : "xl/sharedStrings.xml";
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx)); ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] content = in.readAllBytes();
                if (e.getName().equals(target)) {
                    content = mutate(content, random);
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static byte[] arrow(boolean fileFormat, int rows, String establishment) throws IOException {
        try (BufferAllocator allocator = new RootAllocator();
             VarCharVector directions = new VarCharVector("directions", allocator)) {
            directions.allocateNew();
            String[] names = {"DQEPE", "DSM", "DSI"};
            for (int i = 0; i < names.length; i++) {
                directions.setSafe(i, names[i].getBytes(StandardCharsets.UTF_8));
            }
            directions.setValueCount(names.length);
            Dictionary dictionary = new Dictionary(directions, new DictionaryEncoding(1L, false, new ArrowType.Int(32, true)));
            DictionaryProvider.MapDictionaryProvider provider = new DictionaryProvider.MapDictionaryProvider(dictionary);
            List<Field> fields = List.of(
                    new Field("etablissement", FieldType.nullable(ArrowType.Utf8.INSTANCE), null),
                    new Field("direction", new FieldType(true, new ArrowType.Int(32, true), dictionary.getEncoding()), null),
                    new Field("indicateur", FieldType.nullable(ArrowType.Utf8.INSTANCE), null),
                    new Field("periode", FieldType.nullable(new ArrowType.Date(org.apache.arrow.vector.types.DateUnit.DAY)), null),
                    new Field("valeur", FieldType.nullable(new ArrowType.FloatingPoint(org.apache.arrow.vector.types.FloatingPointPrecision.DOUBLE)), null),
                    new Field("cible", FieldType.nullable(new ArrowType.Int(32, true)), null),
                    new Field("commentaire", FieldType.nullable(ArrowType.Utf8.INSTANCE), null));
            try (VectorSchemaRoot root = VectorSchemaRoot.create(new org.apache.arrow.vector.types.pojo.Schema(fields), allocator);
                 ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
                ArrowWriter writer = fileFormat ? new ArrowFileWriter(root, provider, Channels.newChannel(bytes))
                        : new ArrowStreamWriter(root, provider, Channels.newChannel(bytes));
                writer.start();
                int batch = 20;
                for (int start = 0; start < rows; start += batch) {
                    root.allocateNew();
                    int n = Math.min(batch, rows - start);
                    VarCharVector est = (VarCharVector) root.getVector(0);
                    IntVector dir = (IntVector) root.getVector(1);
                    VarCharVector ind = (VarCharVector) root.getVector(2);
                    DateDayVector period = (DateDayVector) root.getVector(3);
                    Float8Vector value = (Float8Vector) root.getVector(4);
                    IntVector target = (IntVector) root.getVector(5);
                    VarCharVector comment = (VarCharVector) root.getVector(6);
                    for (int r = 0; r < n; r++) {
                        int k = start + r;
                        est.setSafe(r, establishment.getBytes(StandardCharsets.UTF_8));
                        dir.setSafe(r, k % 3);
                        ind.setSafe(r, (k % 2 == 0 ? "CLI-FAMILLES" : "ORG-CAPTATION").getBytes(StandardCharsets.UTF_8));
                        period.setSafe(r, (int) LocalDate.of(2026, 1, 1).plusMonths(k / 6).toEpochDay());
                        value.setSafe(r, 10 + k * 0.5);
                        target.setSafe(r, 50);
                        comment.setSafe(r, ("Journée n° " + k).getBytes(StandardCharsets.UTF_8));
                    }
                    for (FieldVector v : root.getFieldVectors()) {
                        v.setValueCount(n);
                    }
                    root.setRowCount(n);
                    writer.writeBatch();
                }
                writer.end();
                writer.close();
                return bytes.toByteArray();
            }
        }
    }

    static byte[] parquet(Path work, String compression, String establishment) throws Exception {
        Files.createDirectories(work);
        Path file = work.resolve("base-" + compression + ".parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("COPY (SELECT '" + establishment + "' AS etablissement, 'D' || (i % 4) AS direction,"
                    + " CASE WHEN i % 2 = 0 THEN 'CLI-FAMILLES' ELSE 'ORG-CAPTATION' END AS indicateur,"
                    + " DATE '2026-01-01' + INTERVAL (i // 4) MONTH AS periode, 10 + i * 0.25 AS valeur, 'note ' || i AS commentaire"
                    + " FROM range(60) t(i)) TO '" + file.toAbsolutePath() + "' (FORMAT parquet, COMPRESSION " + compression
                    + ", ROW_GROUP_SIZE 20)");
        }
        byte[] bytes = Files.readAllBytes(file);
        Files.delete(file);
        return bytes;
    }

    static byte[] xlsx(int rows, String establishment) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = wb.createSheet("Mesures");
            String[] header = {"Établissement", "Direction", "Indicateur", "Période", "Valeur", "Commentaire"};
            XSSFRow h = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            for (int r = 1; r <= rows; r++) {
                XSSFRow row = sheet.createRow(r);
                row.createCell(0).setCellValue(establishment);
                row.createCell(1).setCellValue("D" + r);
                row.createCell(2).setCellValue(r % 2 == 0 ? "CLI-FAMILLES" : "ORG-CAPTATION");
                row.createCell(3).setCellValue("2026-" + String.format("%02d", 1 + r % 12));
                row.createCell(4).setCellValue(r * 1.5);
                row.createCell(5).setCellValue("Œuvre d’équipe " + r);
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
