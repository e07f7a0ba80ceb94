package org.pilotage.analytics.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.util.ByteArrayReadableSeekableByteChannel;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pilotage.analytics.actions.ActionRepository;
import org.pilotage.analytics.actions.ActionRepository.ActionDraft;
import org.pilotage.analytics.actions.ActionStatus;
import org.pilotage.analytics.audit.AuditLog;
import org.pilotage.analytics.catalogue.CatalogueRepository;
import org.pilotage.analytics.catalogue.ProjectCategory;
import org.pilotage.analytics.dashboard.ChartData;
import org.pilotage.analytics.dashboard.RoomChart;
import org.pilotage.analytics.dashboard.RoomDashboardService;
import org.pilotage.analytics.dashboard.RoomQueries;
import org.pilotage.analytics.notes.CommentRepository;
import org.pilotage.analytics.rooms.ReportingPeriod;
import org.pilotage.analytics.rooms.RoomDraft;
import org.pilotage.analytics.rooms.RoomFilters;
import org.pilotage.analytics.rooms.RoomLevel;
import org.pilotage.analytics.rooms.SteeringRoom;
import org.pilotage.analytics.rooms.SteeringRoomRepository;
import org.pilotage.analytics.status.CommitmentRepository;
import org.pilotage.analytics.store.DataVersion;
import org.pilotage.analytics.store.DuckDbStore;
import org.pilotage.analytics.store.StoreProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Every snapshot format opens with a real reader and holds what it should; the same request gives the same bytes. */
class SnapshotServiceTest {

    static final YearMonth MARCH = YearMonth.of(2026, 3);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-10T12:00:00Z"), ZoneOffset.UTC);
    static final RoomFilters FILTERS = new RoomFilters(ReportingPeriod.month(MARCH));

    @TempDir
    Path dir;
    DuckDbStore store;
    JdbcTemplate jdbc;
    SnapshotService snapshots;
    RoomDashboardService dashboards;
    ActionRepository actions;
    SteeringRoom room;

    @BeforeEach
    void knownRoom() {
        store = DuckDbStore.open(StoreProperties.of(dir));
        jdbc = new JdbcTemplate(store.dataSource());
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
        jdbc.execute("""
                INSERT INTO indicator (code, level, label_fr, label_en, unit, better, default_target) VALUES
                  ('C1', 'organisational', '=SOMME(A1) projets intégrant les usagers', 'Projects that integrate users', 'count', 'up', 5),
                  ('R1', 'clientele', 'Délai de réponse aux usagers (jours)', 'Response time (days)', 'ratio', 'down', 14);
                INSERT INTO ingestion (id, kind, file_name, sha256, status) VALUES
                  (1, 'indicator-measures', 'mesures-été.csv', 'a', 'COMPLETED'),
                  (2, 'indicator-measures', '@correction.xlsx', 'b', 'COMPLETED'),
                  (3, 'project-counts', 'projets.csv', 'c', 'COMPLETED');
                INSERT INTO ingestion_manifest (sha256, ingestion_id, published_at) VALUES
                  ('a', 1, TIMESTAMPTZ '2026-04-02 10:00:00+00'), ('b', 2, TIMESTAMPTZ '2026-04-05 09:30:00+00'),
                  ('c', 3, TIMESTAMPTZ '2026-04-03 08:00:00+00');
                INSERT INTO indicator_measure (establishment, direction, project, indicator, period, value, target, ingestion_id) VALUES
                  ('E1', 'D1', '', 'C1', DATE '2026-02-01', 5, NULL, 1),
                  ('E1', 'D1', '', 'C1', DATE '2026-03-01', 6, NULL, 1),
                  ('E1', 'D2', '', 'C1', DATE '2026-03-01', 4, NULL, 1),
                  ('E1', 'D1', '', 'R1', DATE '2026-03-01', -15.5, NULL, 2),
                  ('E1', 'D2', '', 'R1', DATE '2026-03-01', 16.25, NULL, 2);
                INSERT INTO project_count (establishment, direction, period, category, count, ingestion_id) VALUES
                  ('E1', 'D1', DATE '2026-03-01', 'integrating-users', 2, 3), ('E1', 'D2', DATE '2026-03-01', 'care-partner', 3, 3);
                """);
        DataVersion version = new DataVersion();
        SteeringRoomRepository rooms = new SteeringRoomRepository(jdbc, new TransactionTemplate(new JdbcTransactionManager(jdbc.getDataSource())), version);
        CommentRepository comments = new CommentRepository(named, version);
        dashboards = new RoomDashboardService(new RoomQueries(named), new CatalogueRepository(jdbc),
                new CommitmentRepository(jdbc, version), comments, version);
        actions = new ActionRepository(named, CLOCK, version);
        long id = rooms.create(new RoomDraft("Salle stratégique de l’Érablière", RoomLevel.STRATEGIC, "E1", List.of(),
                List.of("C1", "R1"), List.of(ProjectCategory.INTEGRATING_USERS, ProjectCategory.CARE_PARTNER)), "admin");
        room = rooms.find(id).orElseThrow();
        actions.add(id, new ActionDraft("Consulter le comité des usagers", "Chef de la qualité", LocalDate.of(2026, 4, 1),
                ActionStatus.TODO, "R1"), "manager");
        snapshots = new SnapshotService(dashboards, actions, new AuditLog(jdbc), version, CLOCK);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Snapshot chart(RoomChart chart, ExportFormat format) {
        return snapshots.chart(room, chart, FILTERS, Locale.CANADA_FRENCH, format, "executive");
    }

    @Test
    void aPngDecodesAtTwiceItsLayoutSizeAndCarriesItsProvenanceInTextChunks() throws Exception {
        Snapshot png = chart(RoomChart.CLIENTELE, ExportFormat.PNG);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.bytes()));
        RoomDashboardService.Size size = dashboards.size(room, RoomChart.CLIENTELE);
        assertThat(image.getWidth()).isEqualTo(2 * size.width());
        assertThat(image.getHeight()).isGreaterThan(2 * size.height());

        ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
        reader.setInput(ImageIO.createImageInputStream(new ByteArrayInputStream(png.bytes())));
        var tree = (org.w3c.dom.Element) reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
        var entries = tree.getElementsByTagName("iTXtEntry");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < entries.getLength(); i++) {
            var e = (org.w3c.dom.Element) entries.item(i);
            text.append(e.getAttribute("keyword")).append('=').append(e.getAttribute("text")).append('\n');
        }
        assertThat(text).contains("Pilotage-Content-Hash=" + png.provenance().contentHash())
                .contains("Pilotage-Ingestions=2 @correction.xlsx").contains("Author=executive")
                .contains("Pilotage-Room=" + room.id() + " Salle stratégique de l’Érablière");
        assertThat(png.provenance().contentHash()).hasSize(12);
    }

    @Test
    void anSvgParsesAsXmlWithTheChartsTitleAndProvenance() throws Exception {
        Snapshot svg = chart(RoomChart.CLIENTELE, ExportFormat.SVG);
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        var doc = xml.newDocumentBuilder().parse(new ByteArrayInputStream(svg.bytes()));
        assertThat(doc.getDocumentElement().getNodeName()).isEqualTo("svg");
        assertThat(doc.getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo("Effets chez la clientèle — Salle stratégique de l’Érablière");
        String text = doc.getDocumentElement().getTextContent();
        assertThat(text).contains("Délai de réponse aux usagers (jours)").contains("Données au 5 avril 2026")
                .contains("n° 2 @correction.xlsx").contains("par executive").contains(svg.provenance().contentHash());
    }

    @Test
    void aChartPdfIsOnePageWithExtractableAccentedTextAndItsProvenanceInItsInfo() throws Exception {
        Snapshot pdf = chart(RoomChart.ORGANISATIONAL, ExportFormat.PDF);
        try (PDDocument doc = Loader.loadPDF(pdf.bytes())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Effets organisationnels").contains("intégrant les usagers").contains("Données au 5 avril 2026");
            assertThat(doc.getDocumentInformation().getKeywords()).isEqualTo(pdf.provenance().contentHash());
            assertThat(doc.getDocumentInformation().getAuthor()).isEqualTo("executive");
            assertThat(doc.getDocumentInformation().getCustomMetadataValue("Pilotage-Ingestions")).isEqualTo("1 mesures-été.csv");
        }
    }

    @Test
    void theRoomReportHasATitlePageTilesChartsActionsAndPageNumbers() throws Exception {
        Snapshot report = snapshots.report(room, FILTERS, Locale.CANADA_FRENCH, "executive");
        try (PDDocument doc = Loader.loadPDF(report.bytes())) {
            // title, tiles, 4 charts (organisational, clientele, project counts, directions), actions
            assertThat(doc.getNumberOfPages()).isEqualTo(7);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            assertThat(stripper.getText(doc)).contains("Rapport de la salle de pilotage").contains("Salle stratégique de l’Érablière")
                    .contains("stratégique").contains("E1 · toutes les directions").contains("mars 2026").contains("français")
                    .contains("Page 1 sur 7");
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            // (-15,5 + 16,25) / 2 = 0,375 days against 14: on target, lower being better.
            assertThat(stripper.getText(doc)).contains("Délai de réponse aux usagers (jours) 0,38 14 15,4 ✔ Cible atteinte")
                    .contains("=SOMME(A1) projets intégrant les usagers 10 10 9 ✔ Cible atteinte ↑ +5").contains("Page 2 sur 7");
            stripper.setStartPage(7);
            stripper.setEndPage(7);
            assertThat(stripper.getText(doc)).contains("Actions prioritaires").contains("Consulter le comité des usagers")
                    .contains("En retard").contains("Page 7 sur 7");
        }
        Snapshot english = snapshots.report(room, FILTERS, Locale.CANADA, "executive");
        try (PDDocument doc = Loader.loadPDF(english.bytes())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Steering room report").contains("March 2026").contains("Page 1 of 7");
        }
    }

    @Test
    void csvRoundTripsWithFrenchNumbersAndNeutralisesFormulas() {
        ChartData data = dashboards.chartData(room, RoomChart.CLIENTELE, FILTERS, Locale.CANADA_FRENCH);
        String csv = new String(chart(RoomChart.CLIENTELE, ExportFormat.CSV).bytes(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFindicateur;libellé;unité;période;valeur;cible;chargement;fichier\r\n");
        List<String> lines = csv.substring(1).lines().skip(1).toList();
        assertThat(lines).hasSize(data.rows().size());
        for (int i = 0; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(";", -1);
            List<Object> row = data.rows().get(i);
            assertThat(cells[0]).isEqualTo(row.get(0));
            assertThat(Double.parseDouble(cells[4].replace(',', '.'))).isEqualTo((Double) row.get(4));
            assertThat(Long.parseLong(cells[6])).isEqualTo(row.get(6));
        }
        // A negative number stays a number; a file name starting with @ is neutralised.
        assertThat(csv).contains(";0,375;").contains(";'@correction.xlsx\r\n");

        String organisational = new String(chart(RoomChart.ORGANISATIONAL, ExportFormat.CSV).bytes(), StandardCharsets.UTF_8);
        assertThat(organisational).contains(";'=SOMME(A1) projets intégrant les usagers;").doesNotContain(";=SOMME");
        String english = new String(snapshots.chart(room, RoomChart.ORGANISATIONAL, FILTERS, Locale.CANADA, ExportFormat.CSV,
                "executive").bytes(), StandardCharsets.UTF_8);
        assertThat(english).startsWith("\uFEFFindicator,label,unit,period,value,target,ingestion,file\r\n").contains(",10,10,1,");
    }

    @Test
    void xlsxOpensWithPoiWithItsRowsAndProvenanceProperties() throws Exception {
        Snapshot xlsx = chart(RoomChart.ORGANISATIONAL, ExportFormat.XLSX);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("indicateur");
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("'=SOMME(A1) projets intégrant les usagers");
            assertThat(sheet.getRow(2).getCell(4).getNumericCellValue()).isEqualTo(10.0);
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            assertThat(book.getSheetAt(1).getRow(0).getCell(0).getStringCellValue()).startsWith("Salle : Salle stratégique");
            var props = book.getProperties();
            assertThat(props.getCoreProperties().getCreator()).isEqualTo("executive");
            assertThat(props.getCoreProperties().getKeywords()).isEqualTo(xlsx.provenance().contentHash());
            assertThat(props.getCustomProperties().getProperty("Pilotage-Ingestions").getLpwstr()).isEqualTo("1 mesures-été.csv");
        }
    }

    @Test
    void anArrowFileReadsBackTheSameRows() throws Exception {
        ChartData data = dashboards.chartData(room, RoomChart.CLIENTELE, FILTERS, Locale.CANADA_FRENCH);
        Snapshot arrow = chart(RoomChart.CLIENTELE, ExportFormat.ARROW);
        try (RootAllocator allocator = new RootAllocator();
             ArrowFileReader reader = new ArrowFileReader(new ByteArrayReadableSeekableByteChannel(arrow.bytes()), allocator)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            assertThat(reader.loadNextBatch()).isTrue();
            assertThat(root.getSchema().getFields()).extracting(f -> f.getName()).containsExactlyElementsOf(data.columns());
            assertThat(root.getSchema().getCustomMetadata()).containsEntry("Pilotage-Content-Hash", arrow.provenance().contentHash());
            List<List<Object>> back = new ArrayList<>();
            for (int r = 0; r < root.getRowCount(); r++) {
                List<Object> row = new ArrayList<>();
                for (var v : root.getFieldVectors()) {
                    Object o = v.getObject(r);
                    row.add(o instanceof org.apache.arrow.vector.util.Text t ? t.toString() : o);
                }
                back.add(row);
            }
            assertThat(back).isEqualTo(data.rows());
        }
    }

    @Test
    void twoRendersOfTheSameRequestAreByteIdentical() {
        SnapshotService again = new SnapshotService(dashboards, actions, new AuditLog(jdbc), new DataVersion(), CLOCK);
        for (ExportFormat format : ExportFormat.values()) {
            dashboards.clearCache();
            byte[] first = chart(RoomChart.CLIENTELE, format).bytes();
            dashboards.clearCache();
            byte[] second = again.chart(room, RoomChart.CLIENTELE, FILTERS, Locale.CANADA_FRENCH, format, "executive").bytes();
            assertThat(second).as(format.name()).isEqualTo(first);
        }
        assertThat(again.report(room, FILTERS, Locale.CANADA_FRENCH, "executive").bytes())
                .isEqualTo(snapshots.report(room, FILTERS, Locale.CANADA_FRENCH, "executive").bytes());
    }

    @Test
    void theContentHashFollowsTheDataNotTheRequester() {
        String mine = chart(RoomChart.CLIENTELE, ExportFormat.PNG).provenance().contentHash();
        String theirs = snapshots.chart(room, RoomChart.CLIENTELE, FILTERS, Locale.CANADA_FRENCH, ExportFormat.PNG, "admin")
                .provenance().contentHash();
        assertThat(theirs).isEqualTo(mine);
        String otherMonth = snapshots.chart(room, RoomChart.CLIENTELE, new RoomFilters(ReportingPeriod.month(YearMonth.of(2026, 2))),
                Locale.CANADA_FRENCH, ExportFormat.PNG, "executive").provenance().contentHash();
        assertThat(otherMonth).isNotEqualTo(mine);
    }

}
