package org.pilotage.ingestion.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pilotage.ingestion.IngestionRefusedException;
import org.pilotage.ingestion.kind.FileKind;
import org.pilotage.ingestion.load.StoreFixture;
import org.pilotage.ingestion.log.Ingestion;
import org.pilotage.ingestion.log.IngestionStatus;
import org.pilotage.ingestion.report.RejectReport;

/** Each rule of the contract's "What bad input gets", with a file that breaks it. */
class BadInputTest {

    @TempDir
    Path dir;
    StoreFixture fx;

    @BeforeEach
    void open() {
        fx = new StoreFixture(dir, "pilotage.ingestion.max-file-size=64KB");
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private Ingestion load(String name, String content) throws Exception {
        return fx.load(fx.file(name, content, StandardCharsets.UTF_8), null);
    }

    private List<String> rejects(Ingestion i) {
        return fx.rejects(i.id(), "{line}|{column}|{reason}");
    }

    private static String goodCountRows(int n) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < n; k++) {
            sb.append("E1,D").append(k).append(",2026-01,care-partner,").append(k).append('\n');
        }
        return sb.toString();
    }

    @Test
    void anEmptyFileFailsWithOneSentence() throws Exception {
        Ingestion i = load("vide.csv", "");
        assertThat(i.status()).isEqualTo(IngestionStatus.FAILED);
        assertThat(i.message()).isEqualTo("Le fichier est vide.");
    }

    @Test
    void aHeaderWithoutRowsFailsAndPublishesNothing() throws Exception {
        Ingestion i = load("entete.csv", "establishment,direction,period,category,count\n");
        assertThat(i.status()).isEqualTo(IngestionStatus.FAILED);
        assertThat(i.message()).isEqualTo("Le fichier ne contient aucune ligne de données.");
    }

    @Test
    void aHeaderOfNoKnownKindFails() throws Exception {
        Ingestion i = load("autre.csv", "nom,prénom,âge\nA,B,3\n");
        assertThat(i.status()).isEqualTo(IngestionStatus.FAILED);
        assertThat(i.message()).startsWith("Type de fichier non reconnu");
        assertThat(fx.count("SELECT count(*) FROM indicator_measure")).isZero();
    }

    @Test
    void aDeclaredKindWhoseColumnsAreMissingFailsNamingTheColumn() throws Exception {
        Ingestion i = fx.load(fx.file("c.csv", "establishment,direction,period,category,count\nE1,D1,2026-01,care-partner,2\n",
                StandardCharsets.UTF_8), FileKind.INDICATOR_MEASURES);
        assertThat(i.status()).isEqualTo(IngestionStatus.FAILED);
        assertThat(i.message()).isEqualTo("Colonne obligatoire manquante : indicateur.");
    }

    @Test
    void binaryContentIsRefusedAsAnUnsupportedType() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
        assertThatThrownBy(() -> fx.ingestion.submit(new ByteArrayInputStream(png), "image.png", null, "s"))
                .isInstanceOfSatisfying(IngestionRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(IngestionRefusedException.Reason.UNSUPPORTED_TYPE))
                .hasMessageContaining("n'est ni un CSV");
        assertThat(fx.count("SELECT count(*) FROM ingestion WHERE file_name = 'image.png'")).isZero();
    }

    @Test
    void contentThatContradictsItsExtensionIsRefused() {
        byte[] csv = "establishment,direction,period,category,count\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> fx.ingestion.submit(new ByteArrayInputStream(csv), "rapport.xlsx", null, "s"))
                .isInstanceOfSatisfying(IngestionRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(IngestionRefusedException.Reason.UNSUPPORTED_TYPE))
                .hasMessageContaining("ne correspond pas à son extension");
    }

    @Test
    void aBrokenWorkbookFailsWithOneSentence() throws Exception {
        byte[] zip = new byte[200];
        zip[0] = 'P';
        zip[1] = 'K';
        zip[2] = 3;
        zip[3] = 4;
        Ingestion i = fx.ingestion.submit(new ByteArrayInputStream(zip), "casse.xlsx", null, "s");
        assertThat(i.status()).isEqualTo(IngestionStatus.FAILED);
        assertThat(i.message()).startsWith("Le fichier n'est pas un classeur Excel (XLSX) lisible");
    }

    @Test
    void aQuoteNeverClosedFailsWithASentenceNamingItsLine() throws Exception {
        Ingestion i = load("guillemet.csv", "etablissement;direction;indicateur;periode;valeur;commentaire\n"
                + "E1;D1;CLI-FAMILLES;2026-01;1;ok\n"
                + "E1;D1;CLI-FAMILLES;2026-02;2;\"commence ici\n"
                + "E1;D1;CLI-FAMILLES;2026-03;3;\n");
        assertThat(i.status()).isEqualTo(IngestionStatus.FAILED);
        assertThat(i.message()).isEqualTo("Un guillemet ouvert à la ligne 3 n'est jamais fermé.");
        assertThat(fx.count("SELECT count(*) FROM indicator_measure")).isZero();
    }

    @Test
    void aRowWithMoreValuesThanColumnsIsRejectedNotCutToTheHeader() throws Exception {
        // An unquoted decimal comma in a comma-delimited file shifts every cell after it.
        StringBuilder csv = new StringBuilder("establishment,direction,project,indicator,level,period,value,target,comment\n");
        for (int k = 0; k < 40; k++) {
            csv.append("E1,D").append(k).append(",,CLI-FAMILLES,clientele,2026-01,").append(k).append(",50,ok\n");
        }
        csv.append("E1,D99,,CLI-FAMILLES,clientele,2026-01,12,5,50,note\n");
        csv.append("E1,D98,,CLI-FAMILLES,clientele,2026-01,3,50,ok,,,,\n"); // trailing empty cells are no values
        Ingestion i = load("virgules.csv", csv.toString());

        assertThat(i.status()).as(i.message()).isEqualTo(IngestionStatus.COMPLETED);
        assertThat(i.rowsWritten()).isEqualTo(41);
        assertThat(rejects(i)).containsExactly("42||la ligne a 10 valeurs pour 9 colonnes");
        assertThat(fx.count("SELECT count(*) FROM indicator_measure WHERE direction = 'D99'")).isZero();
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        fx.context.getBean(RejectReport.class).write(i, report);
        assertThat(report.toString(StandardCharsets.UTF_8)).contains("42;;;la ligne a 10 valeurs pour 9 colonnes;E1;D99;");
        assertThat(fx.howLastFileWasRead()).as("a scan that found a wide record stages the file at once").isEqualTo("staged");
    }

    @Test
    void cellsAreReadWithoutTheSpacesAroundThemWhetherOrNotTheFileHasAny() throws Exception {
        // one file written by a program (no space anywhere: the checks skip trimming), one typed by hand (spaces, a no-break
        // space of a French spreadsheet and a narrow one around codes, month and number): the same rows published
        Ingestion plain = load("net.csv", "etablissement;direction;indicateur;periode;valeur;cible\n"
                + "E1;D1;CLI-FAMILLES;2026-01;4,5;10\nE1;D2;CLI-FAMILLES;2026-01;7;10\n");
        Ingestion spaced = load("espaces.csv", "etablissement;direction;indicateur;periode;valeur;cible\n"
                + " E2 ;\u00A0D1;cli-familles\u202F;  2026-01 ;4,5\u00A0; 10\n"
                + "E2;D2 ;CLI-FAMILLES;2026-01;\u00A07;10\n");

        assertThat(plain.status()).as(plain.message()).isEqualTo(IngestionStatus.COMPLETED);
        assertThat(spaced.status()).as(spaced.message()).isEqualTo(IngestionStatus.COMPLETED);
        assertThat(spaced.rowsWritten()).isEqualTo(2);
        String rows = "SELECT string_agg(direction || '|' || indicator || '|' || period || '|' || value || '|' || target, ' ' "
                + "ORDER BY direction) FROM indicator_measure WHERE establishment = ";
        assertThat(fx.jdbc.queryForObject(rows + "'E1'", String.class)).isEqualTo("D1|CLI-FAMILLES|2026-01-01|4.5|10.0 D2|CLI-FAMILLES|2026-01-01|7.0|10.0");
        assertThat(fx.jdbc.queryForObject(rows + "'E2'", String.class)).isEqualTo("D1|CLI-FAMILLES|2026-01-01|4.5|10.0 D2|CLI-FAMILLES|2026-01-01|7.0|10.0");
    }

    @Test
    void aFileOfMoreThanAThousandColumnsFailsAtOnceWithASentence() throws Exception {
        StringBuilder header = new StringBuilder("etablissement;direction;indicateur;periode;valeur");
        for (int c = 0; c < 1_200; c++) {
            header.append(";colonne").append(c);
        }
        Ingestion i = load("trop-large.csv", header + "\nE1;D1;CLI-FAMILLES;2026-01;1\n");
        assertThat(i.status()).isEqualTo(IngestionStatus.FAILED);
        assertThat(i.message()).isEqualTo("Le fichier a 1\u00A0205 colonnes ; Pilotage en lit au plus 1\u00A0000.");
    }

    @Test
    void linesOfEmptyCellsAreIgnoredLikeBlankLinesAndRejectsKeepTheirLines() throws Exception {
        Ingestion i = load("lignes-vides.csv", "etablissement;direction;indicateur;periode;valeur\n"
                + "E1;D1;CLI-FAMILLES;2026-01;1\n"
                + ";;;;\n"
                + ";;;;\n"
                + "\n"
                + "E1;D2;CLI-FAMILLES;2026-02;2\n"
                + String.join("", java.util.stream.IntStream.range(3, 30)
                        .mapToObj(m -> "E1;D3;CLI-FAMILLES;" + (2000 + m) + "-01;" + m + "\n").toList())
                + "E1;D1;CLI-FAMILLES;2026-03;douze\n");
        assertThat(i.status()).as(i.message()).isEqualTo(IngestionStatus.COMPLETED);
        assertThat(i.rowsRead()).isEqualTo(30);
        assertThat(i.rowsWritten()).isEqualTo(29);
        assertThat(rejects(i)).containsExactly("34|value|nombre invalide");
    }

    @Test
    void aWorkbookWithAnEntityBombIsRefusedWithoutExpandingIt() throws Exception {
        // "Billion laughs": ten levels of ten entities would expand to a thousand million "lol"s (3 GB)
        StringBuilder doctype = new StringBuilder("<!DOCTYPE bombe [<!ENTITY lol0 \"lol\">");
        for (int level = 1; level <= 9; level++) {
            doctype.append("<!ENTITY lol").append(level).append(" \"").append(("&lol" + (level - 1) + ";").repeat(10)).append("\">");
        }
        doctype.append("]>");
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + doctype;
        String sheet = xml + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>";
        String strings = xml + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"1\" uniqueCount=\"1\">"
                + "<si><t>&lol9;</t></si></sst>";
        for (var bomb : List.of(java.util.Map.entry("xl/worksheets/sheet1.xml", sheet), java.util.Map.entry("xl/sharedStrings.xml", strings))) {
            byte[] workbook = workbookWith(bomb.getKey(), bomb.getValue());
            long started = System.nanoTime();
            Path file = Files.write(dir.resolve("bombe-" + bomb.getKey().hashCode() + ".xlsx"), workbook);
            Ingestion i = fx.load(file, null);

            assertThat(i.status()).as(bomb.getKey()).isEqualTo(IngestionStatus.FAILED);
            assertThat(i.message()).as(bomb.getKey()).startsWith("Le fichier n'est pas un classeur Excel (XLSX) lisible")
                    .doesNotContain("lollol");
            assertThat(System.nanoTime() - started).as("refused at once, not expanded").isLessThan(java.util.concurrent.TimeUnit.SECONDS.toNanos(20));
            assertThat(fx.count("SELECT count(*) FROM indicator_measure")).isZero();
        }
    }

    /** A real workbook written by POI, with one of its parts replaced. */
    private static byte[] workbookWith(String part, String content) throws Exception {
        ByteArrayOutputStream original = new ByteArrayOutputStream();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            var row = wb.createSheet("Mesures").createRow(0);
            String[] header = {"etablissement", "direction", "indicateur", "periode", "valeur"};
            for (int c = 0; c < header.length; c++) {
                row.createCell(c).setCellValue(header[c]);
            }
            wb.write(original);
        }
        ByteArrayOutputStream replaced = new ByteArrayOutputStream();
        try (var in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(original.toByteArray()));
             var out = new java.util.zip.ZipOutputStream(replaced)) {
            boolean found = false;
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                if (entry.getName().equals(part)) {
                    out.write(content.getBytes(StandardCharsets.UTF_8));
                    found = true;
                } else {
                    in.transferTo(out);
                }
            }
            assertThat(found).as(part + " is a part of the workbook").isTrue();
        }
        return replaced.toByteArray();
    }

    @Test
    void aFileAboveTheSizeLimitIsRefusedAndLeavesNothingBehind() throws Exception {
        long before;
        try (var files = Files.list(fx.store.dataDir().resolve("uploads"))) {
            before = files.count();
        }
        byte[] big = ("establishment,direction,period,category,count\n" + "E1,D1,2026-01,care-partner,1\n".repeat(3000))
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> fx.ingestion.submit(new ByteArrayInputStream(big), "gros.csv", null, "s"))
                .isInstanceOfSatisfying(IngestionRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(IngestionRefusedException.Reason.TOO_LARGE))
                .hasMessage("Le fichier dépasse la taille maximale acceptée (64 Ko).");
        try (var files = Files.list(fx.store.dataDir().resolve("uploads"))) {
            assertThat(files.count()).isEqualTo(before);
        }
    }

    @Test
    void projectCountsRejectNegativeFractionalUnknownCategoryAndMissingValues() throws Exception {
        Ingestion i = load("decomptes.csv", "etablissement,direction,periode,categorie,nombre\n"
                + goodCountRows(100)
                + "E1,DX,2026-01,care-partner,-2\n"            // 102
                + "E1,DX,2026-02,care-partner,2.5\n"           // 103
                + "E1,DX,2026-03,projets-divers,3\n"           // 104
                + "E1,,2026-04,integrant-usagers,3\n");        // 105

        assertThat(i.status()).isEqualTo(IngestionStatus.COMPLETED);
        assertThat(rejects(i)).containsExactly(
                "102|count|nombre négatif",
                "103|count|nombre entier attendu",
                "104|category|catégorie inconnue",
                "105|direction|valeur obligatoire manquante");
        assertThat(fx.count("SELECT count(*) FROM project_count")).isEqualTo(100);
    }

    @Test
    void frenchCategoryAliasesAreStoredAsTheirCodes() throws Exception {
        Ingestion i = load("fr.csv", "etablissement;direction;periode;categorie;nombre\nE1;D1;2026-01;captation-experience;4\n");
        assertThat(i.status()).as(i.message()).isEqualTo(IngestionStatus.COMPLETED);
        assertThat(fx.jdbc.queryForObject("SELECT category FROM project_count", String.class)).isEqualTo("experience-capture");
    }

    @Test
    void formulasAreStoredAsTextAndNeutralisedInTheRejectReport() throws Exception {
        StringBuilder rows = new StringBuilder("establishment,direction,project,indicator,period,value,comment\n");
        for (int k = 0; k < 30; k++) {
            rows.append("E1,D").append(k).append(",,CLI-FAMILLES,2026-01,").append(k).append(",\"=HYPERLINK(\"\"http://x\"\")\"\n");
        }
        rows.append("E1,D1,,CLI-FAMILLES,2026-02,@SUM(A1),+cmd\n");
        Ingestion i = load("formules.csv", rows.toString());

        assertThat(i.status()).as(i.message()).isEqualTo(IngestionStatus.COMPLETED);
        assertThat(fx.jdbc.queryForObject("SELECT comment FROM indicator_measure WHERE direction = 'D0'", String.class))
                .isEqualTo("=HYPERLINK(\"http://x\")");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fx.context.getBean(RejectReport.class).write(i, out);
        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(report).startsWith("\uFEFFligne;colonne;valeur;motif;establishment;direction;project;indicator;period;value;comment\r\n");
        assertThat(report).contains("32;value;'@SUM(A1);nombre invalide;E1;D1;;CLI-FAMILLES;2026-02;'@SUM(A1);'+cmd\r\n");
    }

    @Test
    void aCatalogueFileExtendsTheCatalogueAndRejectsBadDefinitions() throws Exception {
        Ingestion i = fx.load(fx.file("catalogue.csv", "code;niveau;libelle_fr;libelle_en;unite;sens;cible_defaut\n"
                + "CLI-NOUVEAU;clientèle;Nouvel indicateur;New indicator;pourcentage;baisse;12,5\n"
                + "bad code;clientèle;X;X;nombre;hausse;\n"
                + "CLI-AUTRE;clientèle;X;X;kilos;hausse;\n", StandardCharsets.UTF_8), null);

        assertThat(i.status()).as(i.message()).isEqualTo(IngestionStatus.FAILED); // 2 of 3 rows rejected: above the skip limit
        assertThat(rejects(i)).containsExactly(
                "3|code|code attendu : 2 à 40 lettres majuscules, chiffres ou tirets",
                "4|unit|unité inconnue (nombre, pourcentage, score ou ratio)");
        assertThat(fx.count("SELECT count(*) FROM indicator WHERE code = 'CLI-NOUVEAU'")).isZero();

        Ingestion good = fx.load(fx.file("catalogue2.csv", "code;niveau;libelle_fr;libelle_en;unite;sens;cible_defaut\n"
                + "CLI-NOUVEAU;clientèle;Nouvel indicateur;New indicator;pourcentage;baisse;12,5\n", StandardCharsets.UTF_8), null);
        assertThat(good.status()).isEqualTo(IngestionStatus.COMPLETED);
        assertThat(fx.jdbc.queryForObject("SELECT level || '/' || unit || '/' || better || '/' || default_target FROM indicator WHERE code = 'CLI-NOUVEAU'",
                String.class)).isEqualTo("clientele/percent/down/12.5");
        assertThat(load("m.csv", "establishment,direction,indicator,period,value\nE1,D1,CLI-NOUVEAU,2026-01,3\n").status())
                .isEqualTo(IngestionStatus.COMPLETED);
    }
}
