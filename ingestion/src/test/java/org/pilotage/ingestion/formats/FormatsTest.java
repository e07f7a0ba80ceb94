package org.pilotage.ingestion.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.ArrowWriter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pilotage.ingestion.load.StoreFixture;
import org.pilotage.ingestion.log.Ingestion;
import org.pilotage.ingestion.log.IngestionStatus;

/** Every format of the contract gives the same published rows. */
class FormatsTest {

    @TempDir
    Path dir;
    StoreFixture fx;

    @BeforeEach
    void open() {
        fx = new StoreFixture(dir);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private String published() {
        return String.join(" | ", fx.jdbc.queryForList("""
                SELECT establishment || ',' || direction || ',' || project || ',' || indicator || ',' || strftime(period, '%Y-%m')
                       || ',' || value || ',' || coalesce(CAST(target AS VARCHAR), '-')
                FROM indicator_measure ORDER BY establishment, direction, indicator, period""", String.class));
    }

    static final String EXPECTED = "E1,DQEPE,,CLI-FAMILLES,2026-01,132.5,150.0 | E1,DSM,P-1,INT-COMPETENCES,2026-02,47.5,-";

    @Test
    void csvWithTabsBomCrlfBlankLinesTrailingColumnsAndQuotedLineBreaks() throws Exception {
        String csv = "\uFEFFÉtablissement\tDirection\tProjet\tIndicateur\tPériode\tValeur\tCible\tCommentaire\t\t\r\n"
                + "E1\tDQEPE\t\tCLI-FAMILLES\t2026-01-15\t132,5\t150\t\"Deux lignes\r\ndans une cellule\"\t\t\r\n"
                + "\r\n"
                + "E1\tDSM\tP-1\tINT-COMPETENCES\t2026-02\t47,5\t\t\t\t\r\n";
        Ingestion i = fx.load(fx.file("tabs.csv", csv, StandardCharsets.UTF_8), null);

        assertThat(i.status()).as(i.message()).isEqualTo(IngestionStatus.COMPLETED);
        assertThat(i.rowsWritten()).isEqualTo(2);
        assertThat(published()).isEqualTo(EXPECTED);
        assertThat(fx.jdbc.queryForObject("SELECT comment FROM indicator_measure WHERE direction = 'DQEPE'", String.class))
                .isEqualTo("Deux lignes\r\ndans une cellule");
    }

    @Test
    void excelsUnicodeTextUtf16WithItsByteOrderMarkAndTabs() throws Exception {
        String text = "Établissement\tDirection\tProjet\tIndicateur\tPériode\tValeur\tCible\tCommentaire\r\n"
                + "E1\tDQEPE\t\tCLI-FAMILLES\t2026-01\t132,5\t150\tŒuvre d’équipe\r\n"
                + "E1\tDSM\tP-1\tINT-COMPETENCES\t2026-02\t47,5\t\t\r\n";
        for (var charset : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            byte[] bom = charset == StandardCharsets.UTF_16LE ? new byte[] {(byte) 0xFF, (byte) 0xFE} : new byte[] {(byte) 0xFE, (byte) 0xFF};
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            bytes.writeBytes(bom);
            bytes.writeBytes(text.getBytes(charset));
            Path file = Files.write(dir.resolve("unicode-" + charset.name() + ".txt"), bytes.toByteArray());

            var preview = fx.ingestion.preview(file, file.getFileName().toString(), null, 5);
            assertThat(preview.file().encoding()).isEqualTo(charset.name());
            assertThat(preview.rows()).hasSize(2);
            assertThat(preview.rows().getFirst()).startsWith("E1", "DQEPE", "", "CLI-FAMILLES", "2026-01", "132,5");

            Ingestion i = fx.load(file, null);
            assertThat(i.status()).as(i.message()).isEqualTo(IngestionStatus.COMPLETED);
            assertThat(published()).isEqualTo(EXPECTED);
            assertThat(fx.jdbc.queryForObject("SELECT comment FROM indicator_measure WHERE direction = 'DQEPE'", String.class))
                    .isEqualTo("Œuvre d’équipe");
            fx.jdbc.update("DELETE FROM indicator_measure");
        }
    }

    @Test
    void aWindows1252FileWhoseFirstAccentComesAfterTheFirstMegabyteIsReadAsWindows1252() throws Exception {
        StringBuilder csv = new StringBuilder("etablissement;direction;indicateur;periode;valeur;commentaire\r\n");
        for (int i = 0; csv.length() < 1_200_000; i++) {
            csv.append("E1;D").append(i % 100).append(";CLI-FAMILLES;").append(1900 + i / 1200).append('-')
                    .append(String.format("%02d", i / 100 % 12 + 1)).append(";1;\r\n");
        }
        csv.append("E2;D1;CLI-FAMILLES;2026-01;2;Œuvre d’équipe à l’été\r\n");
        Ingestion i = fx.load(fx.file("tardif.csv", csv.toString(), Charset.forName("windows-1252")), null);

        assertThat(i.status()).as(i.message()).isEqualTo(IngestionStatus.COMPLETED);
        assertThat(fx.jdbc.queryForObject("SELECT comment FROM indicator_measure WHERE establishment = 'E2'", String.class))
                .isEqualTo("Œuvre d’équipe à l’été");
        assertThat(fx.jdbc.queryForObject("SELECT encoding FROM ingestion WHERE id = ?", String.class, i.id())).isEqualTo("windows-1252");
    }

    @Test
    void utf8ThenALineInWindows1252FailsWithASentenceNamingTheLine() throws Exception {
        String head = "etablissement;direction;indicateur;periode;valeur;commentaire\r\nE1;D1;CLI-FAMILLES;2026-01;1;Journée du partenariat\r\n";
        String tail = "E1;D1;CLI-FAMILLES;2026-02;1;Réorganisation\r\n";
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(tail.getBytes(Charset.forName("windows-1252")));
        Path file = Files.write(dir.resolve("colle.csv"), bytes.toByteArray());
        Ingestion i = fx.load(file, null);

        assertThat(i.status()).isEqualTo(IngestionStatus.FAILED);
        assertThat(i.message()).isEqualTo("Le fichier mélange deux encodages : il est écrit en UTF-8, mais la ligne 3 contient un caractère"
                + " qui n'en est pas ; enregistrez-le de nouveau en UTF-8.");
        assertThat(fx.count("SELECT count(*) FROM indicator_measure")).isZero();
    }

    @Test
    void aTinyFileOfOneRowAndAHundredThousandEmptyTrailingColumnsLoads() throws Exception {
        String csv = "etablissement;direction;indicateur;periode;valeur\nE1;D1;CLI-FAMILLES;2026-01;7" + ";".repeat(100_000) + "\n";
        Ingestion i = fx.load(fx.file("large.csv", csv, StandardCharsets.UTF_8), null);
        assertThat(i.status()).as(i.message()).isEqualTo(IngestionStatus.COMPLETED);
        assertThat(i.rowsWritten()).isEqualTo(1);
    }

    @Test
    void windows1252ThenALineInUtf8FailsWithASentenceNamingTheLine() throws Exception {
        String head = "etablissement;direction;indicateur;periode;valeur;commentaire\r\nE1;D1;CLI-FAMILLES;2026-01;1;Journée du partenariat\r\n"
                + "E1;D1;CLI-FAMILLES;2026-02;1;Sondage reporté\r\n";
        String tail = "E1;D1;CLI-FAMILLES;2026-03;1;Œuvre d’équipe\r\n";
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.writeBytes(head.getBytes(Charset.forName("windows-1252")));
        bytes.writeBytes(tail.getBytes(StandardCharsets.UTF_8));
        Ingestion i = fx.load(Files.write(dir.resolve("colle-1252.csv"), bytes.toByteArray()), null);

        assertThat(i.status()).isEqualTo(IngestionStatus.FAILED);
        assertThat(i.message()).isEqualTo("Le fichier mélange deux encodages : il est écrit en Windows-1252 (Excel), mais la ligne 4"
                + " contient du texte en UTF-8 ; enregistrez-le de nouveau dans un seul encodage.");
        assertThat(fx.count("SELECT count(*) FROM indicator_measure")).isZero();
    }

    @Test
    void windows1252WithSemicolonsAndGroupedThousands() throws Exception {
        String csv = "etablissement;direction;projet;indicateur;periode;valeur;cible;commentaire\r\n"
                + "E1;DQEPE;;CLI-FAMILLES;2026-01;1\u00A0234,5;1 500;Œuvre d’équipe\r\n";
        Ingestion i = fx.load(fx.file("cp1252.csv", csv, Charset.forName("windows-1252")), null);

        assertThat(i.status()).as(i.message()).isEqualTo(IngestionStatus.COMPLETED);
        assertThat(fx.jdbc.queryForObject("SELECT value || '/' || target || '/' || comment FROM indicator_measure", String.class))
                .isEqualTo("1234.5/1500.0/Œuvre d’équipe");
    }

    @Test
    void xlsxFirstSheetWithNumbersDatesAndExcelRowNumbersInRejects() throws Exception {
        Path file = dir.resolve("mesures.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("Mesures");
            CellStyle dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            Row h = sheet.createRow(0);
            String[] header = {"Établissement", "Direction", "Projet", "Indicateur", "Période", "Valeur", "Cible"};
            for (int c = 0; c < header.length; c++) {
                h.createCell(c).setCellValue(header[c]);
            }
            Row r1 = sheet.createRow(1);
            r1.createCell(0).setCellValue("E1");
            r1.createCell(1).setCellValue("DQEPE");
            r1.createCell(3).setCellValue("CLI-FAMILLES");
            r1.createCell(4).setCellValue(LocalDate.of(2026, 1, 15));
            r1.getCell(4).setCellStyle(dateStyle);
            r1.createCell(5).setCellValue(132.5);
            r1.createCell(6).setCellValue(150);
            // row 3 left empty, as stewards do
            Row r2 = sheet.createRow(3);
            r2.createCell(0).setCellValue("E1");
            r2.createCell(1).setCellValue("DSM");
            r2.createCell(2).setCellValue("P-1");
            r2.createCell(3).setCellValue("INT-COMPETENCES");
            r2.createCell(4).setCellValue("2026-02");
            r2.createCell(5).setCellValue(47.5);
            Row bad = sheet.createRow(4);
            bad.createCell(0).setCellValue("E1");
            bad.createCell(1).setCellValue("DSM");
            bad.createCell(3).setCellValue("NOPE");
            bad.createCell(4).setCellValue("2026-02");
            bad.createCell(5).setCellValue(1);
            for (int k = 0; k < 40; k++) { // enough good rows that one reject stays under the skip limit
                Row r = sheet.createRow(5 + k);
                r.createCell(0).setCellValue("E2");
                r.createCell(1).setCellValue("D" + k);
                r.createCell(3).setCellValue("CLI-FAMILLES");
                r.createCell(4).setCellValue("2026-03");
                r.createCell(5).setCellValue(k);
            }
            wb.write(out);
        }
        Ingestion i = fx.load(file, null);

        assertThat(i.status()).as(i.message()).isEqualTo(IngestionStatus.COMPLETED);
        assertThat(i.rowsWritten()).isEqualTo(42);
        fx.jdbc.update("DELETE FROM indicator_measure WHERE establishment = 'E2'");
        assertThat(published()).isEqualTo(EXPECTED);
        assertThat(fx.jdbc.queryForObject("SELECT line FROM ingestion_reject WHERE ingestion_id = ?", Long.class, i.id()))
                .as("the row Excel shows").isEqualTo(5L);
    }

    @Test
    void parquetWithTypedColumns() throws Exception {
        Path file = dir.resolve("mesures.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("""
                    COPY (SELECT * FROM (VALUES
                        ('E1', 'DQEPE', NULL, 'CLI-FAMILLES', DATE '2026-01-15', 132.5::DOUBLE, 150::INTEGER),
                        ('E1', 'DSM', 'P-1', 'INT-COMPETENCES', DATE '2026-02-01', 47.5::DOUBLE, NULL::INTEGER))
                        AS t(etablissement, direction, projet, indicateur, periode, valeur, cible))
                    TO '%s' (FORMAT parquet)""".formatted(file));
        }
        Ingestion i = fx.load(file, null);

        assertThat(i.status()).as(i.message()).isEqualTo(IngestionStatus.COMPLETED);
        assertThat(published()).isEqualTo(EXPECTED);
    }

    @Test
    void parquetRejectsNameTheRowsLine() throws Exception {
        // 60 good rows, then a bad number (line 62) and a copy of the first row's key (line 63); the line of a
        // Parquet row is its position + 2, as if it had a header line like a CSV file. A column named like
        // DuckDB's own row number must not shift the lines.
        for (String extra : List.of("", ", 'x' AS file_row_number")) {
            Path file = dir.resolve("lignes" + extra.length() + ".parquet");
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
                st.execute("""
                        COPY (SELECT 'E9' AS etablissement, 'D' || (i %% 6) AS direction, 'CLI-FAMILLES' AS indicateur,
                                     strftime(DATE '2020-01-01' + INTERVAL (i // 6) MONTH, '%%Y-%%m') AS periode,
                                     CASE WHEN i = 60 THEN 'douze' ELSE CAST(i AS VARCHAR) END AS valeur%s
                              FROM (SELECT i, i AS o FROM range(61) t(i) UNION ALL SELECT 0, 61) ORDER BY o)
                        TO '%s' (FORMAT parquet)""".formatted(extra, file));
            }
            Ingestion i = fx.load(file, null);

            assertThat(i.status()).as(i.message()).isEqualTo(IngestionStatus.COMPLETED);
            assertThat(i.rowsWritten()).isEqualTo(60);
            assertThat(fx.rejects(i.id(), "{line} {reason}")).containsExactly("62 nombre invalide",
                    "63 doublon de la ligne 2 (même établissement, direction, projet, indicateur et période)");
            fx.jdbc.update("DELETE FROM indicator_measure WHERE establishment = 'E9'");
        }
    }

    @Test
    void arrowFileAndStreamFormats() throws Exception {
        for (boolean stream : List.of(false, true)) {
            Path file = dir.resolve(stream ? "mesures.arrows" : "mesures.arrow");
            writeArrow(file, stream);
            Ingestion i = fx.load(file, null);

            assertThat(i.status()).as(i.message()).isEqualTo(IngestionStatus.COMPLETED);
            assertThat(i.rowsWritten()).isEqualTo(2);
            assertThat(published()).isEqualTo(EXPECTED);
            fx.jdbc.update("DELETE FROM indicator_measure");
        }
    }

    private static void writeArrow(Path file, boolean stream) throws Exception {
        try (BufferAllocator allocator = new RootAllocator();
             VarCharVector est = new VarCharVector("establishment", allocator);
             VarCharVector dir = new VarCharVector("direction", allocator);
             VarCharVector project = new VarCharVector("project", allocator);
             VarCharVector indicator = new VarCharVector("indicator", allocator);
             DateDayVector period = new DateDayVector("period", allocator);
             Float8Vector value = new Float8Vector("value", allocator);
             Float8Vector target = new Float8Vector("target", allocator)) {
            String[][] text = {{"E1", "DQEPE", "", "CLI-FAMILLES"}, {"E1", "DSM", "P-1", "INT-COMPETENCES"}};
            for (VarCharVector v : List.of(est, dir, project, indicator)) {
                v.allocateNew();
            }
            period.allocateNew(2);
            value.allocateNew(2);
            target.allocateNew(2);
            for (int r = 0; r < 2; r++) {
                est.setSafe(r, text[r][0].getBytes(StandardCharsets.UTF_8));
                dir.setSafe(r, text[r][1].getBytes(StandardCharsets.UTF_8));
                project.setSafe(r, text[r][2].getBytes(StandardCharsets.UTF_8));
                indicator.setSafe(r, text[r][3].getBytes(StandardCharsets.UTF_8));
            }
            period.set(0, (int) LocalDate.of(2026, 1, 15).toEpochDay());
            period.set(1, (int) LocalDate.of(2026, 2, 1).toEpochDay());
            value.set(0, 132.5);
            value.set(1, 47.5);
            target.set(0, 150);
            target.setNull(1);
            for (var v : List.of(est, dir, project, indicator, period, value, target)) {
                v.setValueCount(2);
            }
            try (VectorSchemaRoot root = VectorSchemaRoot.of(est, dir, project, indicator, period, value, target);
                 var channel = Files.newByteChannel(file, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
                 ArrowWriter writer = stream ? new ArrowStreamWriter(root, null, channel) : new ArrowFileWriter(root, null, channel)) {
                writer.start();
                writer.writeBatch();
                writer.end();
            }
        }
    }
}
