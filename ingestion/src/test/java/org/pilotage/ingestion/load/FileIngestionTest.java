package org.pilotage.ingestion.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pilotage.ingestion.csv.CsvSniffer;
import org.pilotage.ingestion.kind.FileKind;
import org.pilotage.ingestion.log.Ingestion;
import org.pilotage.ingestion.log.IngestionStatus;

class FileIngestionTest {

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

    @Test
    void theDefaultCatalogueIsLoadedOnce() {
        assertThat(fx.count("SELECT count(*) FROM indicator")).isEqualTo(12);
        assertThat(fx.count("SELECT count(*) FROM indicator WHERE better = 'down'")).isEqualTo(1);
    }

    @Test
    void loadsTheFrenchSemicolonSampleWithDecimalCommaAndAccents() throws Exception {
        Ingestion i = fx.load(fx.sample("measures-fr.csv"), null);

        assertThat(i.status()).isEqualTo(IngestionStatus.COMPLETED);
        assertThat(i.kind()).isEqualTo("indicator-measures");
        assertThat(i.rowsRead()).isEqualTo(4);
        assertThat(i.rowsWritten()).isEqualTo(4);
        assertThat(fx.jdbc.queryForObject("SELECT value FROM indicator_measure WHERE indicator = 'INT-COMPETENCES'", Double.class))
                .isEqualTo(47.5);
        assertThat(fx.jdbc.queryForObject("SELECT comment FROM indicator_measure WHERE indicator = 'CLI-DEMANDES'", String.class))
                .isEqualTo("Hausse après la journée du partenariat");
    }

    /** Dashboards of other establishments keep their cache through a publication; a catalogue changes everyone's. */
    @Test
    void aPublicationMovesTheDataVersionOfTheEstablishmentsItWroteOnly() throws Exception {
        org.pilotage.analytics.store.DataVersion version = fx.context.getBean(org.pilotage.analytics.store.DataVersion.class);
        long global = version.current();
        Ingestion i = fx.load(fx.file("nord.csv", "etablissement;direction;indicateur;periode;valeur\n"
                + "E-NORD;D1;CLI-FAMILLES;2026-01;5\nE-NORD;D2;CLI-FAMILLES;2026-01;6\n", StandardCharsets.UTF_8), null);
        assertThat(i.status()).isEqualTo(IngestionStatus.COMPLETED);
        assertThat(version.local("E-NORD")).isEqualTo(1);
        assertThat(version.local("E-SUD")).isZero();
        assertThat(version.current()).as("not everyone's").isEqualTo(global);

        Ingestion catalogue = fx.load(fx.file("catalogue.csv", "code;niveau;libelle_fr;libelle_en;unite;sens;cible_defaut\n"
                + "NOUVEL-IND;clientele;Nouvel indicateur;New indicator;count;up;3\n", StandardCharsets.UTF_8), FileKind.INDICATOR_CATALOGUE);
        assertThat(catalogue.status()).as(String.valueOf(catalogue.message())).isEqualTo(IngestionStatus.COMPLETED);
        assertThat(version.current()).as("a catalogue: everyone's").isGreaterThan(global);
    }

    @Test
    void loadsTheWindows1252SampleAsTheSameValuesAsTheUtf8One() throws Exception {
        Path file = fx.sample("measures-fr-windows1252.csv");
        assertThat(CsvSniffer.sniff(file).charset()).isEqualTo(CsvSniffer.WINDOWS_1252);

        Ingestion i = fx.load(file, FileKind.INDICATOR_MEASURES);

        assertThat(i.status()).isEqualTo(IngestionStatus.COMPLETED);
        assertThat(fx.jdbc.queryForObject("SELECT comment FROM indicator_measure WHERE indicator = 'ORG-PROJ-USAGERS' AND comment IS NOT NULL", String.class))
                .isEqualTo("Deux projets ajoutés en février");
    }

    @Test
    void storesAnIsoDateAsItsMonthAndKeepsQuotedCommas() throws Exception {
        Ingestion i = fx.load(fx.sample("measures-en.csv"), null);

        assertThat(i.status()).isEqualTo(IngestionStatus.COMPLETED);
        assertThat(fx.jdbc.queryForObject("SELECT strftime(period, '%Y-%m') || '|' || comment FROM indicator_measure WHERE indicator = 'INT-SATISFACTION'", String.class))
                .isEqualTo("2026-02|Survey of 18 participants, \"very useful\"");
        assertThat(fx.count("SELECT count(*) FROM direction WHERE establishment = 'CIUSSS-DEMO-SUD'")).isEqualTo(1);
        assertThat(fx.count("SELECT count(*) FROM project WHERE code = 'P-0042'")).isEqualTo(1);
    }

    @Test
    void theSameContentTwiceIsADuplicateAndWritesNothing() throws Exception {
        Path file = fx.sample("project-counts.csv");
        Ingestion first = fx.load(file, null);
        long rows = fx.count("SELECT count(*) FROM project_count");

        Ingestion again = fx.load(file, null);

        assertThat(first.status()).isEqualTo(IngestionStatus.COMPLETED);
        assertThat(again.status()).isEqualTo(IngestionStatus.DUPLICATE);
        assertThat(again.duplicateOf()).isEqualTo(first.id());
        assertThat(again.message()).contains("n° " + first.id());
        assertThat(fx.count("SELECT count(*) FROM project_count")).isEqualTo(rows).isEqualTo(8);
    }

    @Test
    void aLaterFileReplacesTheValuesOfTheSameKey() throws Exception {
        String header = "establishment,direction,project,indicator,period,value\n";
        fx.load(fx.file("v1.csv", header + "E1,D1,,CLI-FAMILLES,2026-01,10\nE1,D1,,CLI-FAMILLES,2026-02,20\n", StandardCharsets.UTF_8), null);
        Ingestion correction = fx.load(fx.file("v2.csv", header + "E1,D1,,CLI-FAMILLES,2026-02,25\n", StandardCharsets.UTF_8), null);

        assertThat(fx.count("SELECT count(*) FROM indicator_measure")).isEqualTo(2);
        assertThat(fx.jdbc.queryForObject("SELECT value FROM indicator_measure WHERE period = DATE '2026-02-01'", Double.class)).isEqualTo(25.0);
        assertThat(fx.count("SELECT ingestion_id FROM indicator_measure WHERE period = DATE '2026-02-01'")).isEqualTo(correction.id());
    }

    @Test
    void aMissingRequiredColumnFailsBeforeWritingAnything() throws Exception {
        Ingestion i = fx.load(fx.file("bad.csv", "etablissement;direction;indicateur;valeur\nE1;D1;CLI-FAMILLES;3\n", StandardCharsets.UTF_8),
                FileKind.INDICATOR_MEASURES);

        assertThat(i.status()).isEqualTo(IngestionStatus.FAILED);
        assertThat(i.message()).isEqualTo("Colonne obligatoire manquante : periode.");
        assertThat(fx.count("SELECT count(*) FROM indicator_measure")).isZero();
        assertThat(fx.count("SELECT count(*) FROM establishment")).isZero();
    }

    private static String goodRows(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("E1;D").append(i).append(";;CLI-FAMILLES;clientèle;2026-01;").append(i).append(",5;;\n");
        }
        return sb.toString();
    }

    @Test
    void brokenRowsAreRejectedWithLineColumnAndReasonWhileTheOthersLoad() throws Exception {
        String csv = "etablissement;direction;projet;indicateur;niveau;periode;valeur;cible;commentaire\n"
                + goodRows(100)
                + "E1;D1;;CLI-FAMILLES;;2026-02-30;3;;\n"          // line 102: the month has no 30th day
                + "E1;D1;;NOPE;;2026-02;3;;\n"                     // line 103: not in the catalogue
                + "E1;D1;;CLI-FAMILLES;organisationnel;2026-03;3;;\n" // line 104: contradicts the catalogue
                + "E1;D1;;CLI-FAMILLES;;2026-04;douze;;\n"         // line 105: not a number
                + "E1;D0;;CLI-FAMILLES;;2026-01;9;;\n";            // line 106: same key as line 2
        Ingestion i = fx.load(fx.file("rows.csv", csv, StandardCharsets.UTF_8), null);

        assertThat(i.status()).isEqualTo(IngestionStatus.COMPLETED);
        assertThat(i.rowsRead()).isEqualTo(105);
        assertThat(i.rowsWritten()).isEqualTo(100);
        assertThat(i.rowsRejected()).isEqualTo(5);
        assertThat(fx.rejects(i.id(), "{line}|{column}|{reason}")).containsExactly(
                "102|period|ce mois ou cette date n'existe pas",
                "103|indicator|indicateur inconnu du catalogue",
                "104|level|niveau contraire au catalogue (clientele)",
                "105|value|nombre invalide",
                "106||doublon de la ligne 2 (même établissement, direction, projet, indicateur et période)");
        assertThat(fx.jdbc.queryForObject("SELECT value FROM indicator_measure WHERE direction = 'D7'", Double.class)).isEqualTo(7.5);
        assertThat(fx.howLastFileWasRead()).as("read straight first, then staged for the report's lines")
                .isEqualTo("straight from the file, then staged");
    }

    @Test
    void aCleanFileIsCheckedStraightFromItsSourceAndLoadsEveryRow() throws Exception {
        String csv = "etablissement;direction;projet;indicateur;niveau;periode;valeur;cible;commentaire\n" + goodRows(100);
        Ingestion i = fx.load(fx.file("clean.csv", csv, StandardCharsets.UTF_8), null);

        assertThat(i.status()).as(i.message()).isEqualTo(IngestionStatus.COMPLETED);
        assertThat(i.rowsWritten()).isEqualTo(100);
        assertThat(i.rowsRejected()).isZero();
        assertThat(fx.howLastFileWasRead()).isEqualTo("straight from the file");
        assertThat(fx.jdbc.queryForObject("SELECT value FROM indicator_measure WHERE direction = 'D7'", Double.class)).isEqualTo(7.5);
        assertThat(fx.count("SELECT count(*) FROM indicator_measure WHERE ingestion_id = ?", i.id())).isEqualTo(100);
    }

    @Test
    void aKeyTwiceInAnOtherwiseCleanFileIsRejectedNamingItsFirstLine() throws Exception {
        String csv = "etablissement;direction;projet;indicateur;niveau;periode;valeur;cible;commentaire\n" + goodRows(100)
                + "E1;D3;;CLI-FAMILLES;;2026-01;9;;\n"; // line 102: same key as line 5
        Ingestion i = fx.load(fx.file("twice.csv", csv, StandardCharsets.UTF_8), null);

        assertThat(i.status()).as(i.message()).isEqualTo(IngestionStatus.COMPLETED);
        assertThat(i.rowsWritten()).isEqualTo(100);
        assertThat(fx.rejects(i.id(), "{line}|{reason}")).containsExactly(
                "102|doublon de la ligne 5 (même établissement, direction, projet, indicateur et période)");
        assertThat(fx.howLastFileWasRead()).isEqualTo("straight from the file, then staged");
    }

    @Test
    void tooManyRejectedRowsFailTheFileAndPublishNothing() throws Exception {
        String csv = "etablissement;direction;indicateur;periode;valeur\n"
                + "E1;D1;CLI-FAMILLES;2026-01;1\n".repeat(1)
                + "E1;D2;CLI-FAMILLES;2026-13;1\n";
        Ingestion i = fx.load(fx.file("bad.csv", csv, StandardCharsets.UTF_8), null);

        assertThat(i.status()).isEqualTo(IngestionStatus.FAILED);
        assertThat(i.message()).startsWith("Trop de lignes rejetées : 1 sur 2");
        assertThat(fx.count("SELECT count(*) FROM indicator_measure")).isZero();
        assertThat(fx.count("SELECT count(*) FROM establishment")).isZero();
        assertThat(fx.count("SELECT count(*) FROM ingestion_reject WHERE ingestion_id = ?", i.id())).isEqualTo(1);
        assertThat(fx.count("SELECT count(*) FROM ingestion_manifest WHERE ingestion_id = ?", i.id())).isZero();
    }
}
