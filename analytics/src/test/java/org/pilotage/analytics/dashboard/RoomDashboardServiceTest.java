package org.pilotage.analytics.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pilotage.analytics.actions.ActionRepository;
import org.pilotage.analytics.actions.ActionRepository.ActionDraft;
import org.pilotage.analytics.actions.ActionStatus;
import org.pilotage.analytics.actions.PriorityAction;
import org.pilotage.analytics.catalogue.CatalogueRepository;
import org.pilotage.analytics.catalogue.EffectLevel;
import org.pilotage.analytics.catalogue.ProjectCategory;
import org.pilotage.analytics.notes.CommentRepository;
import org.pilotage.analytics.rooms.ReportingPeriod;
import org.pilotage.analytics.rooms.RoomDraft;
import org.pilotage.analytics.rooms.RoomFilters;
import org.pilotage.analytics.rooms.RoomLevel;
import org.pilotage.analytics.rooms.SteeringRoom;
import org.pilotage.analytics.rooms.SteeringRoomRepository;
import org.pilotage.analytics.status.CommitmentRepository;
import org.pilotage.analytics.status.Status;
import org.pilotage.analytics.status.Trend;
import org.pilotage.analytics.store.DataVersion;
import org.pilotage.analytics.store.DuckDbStore;
import org.pilotage.analytics.store.StoreProperties;
import org.pilotage.analytics.text.Sentence;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A room over a small data set whose tiles, trends, counts and charts are worked out by hand. */
class RoomDashboardServiceTest {

    static final YearMonth MARCH = YearMonth.of(2026, 3);

    @TempDir
    Path dir;
    DuckDbStore store;
    JdbcTemplate jdbc;
    DataVersion version;
    SteeringRoomRepository rooms;
    CommitmentRepository commitments;
    CommentRepository comments;
    ActionRepository actions;
    RoomDashboardService service;
    SteeringRoom room;

    @BeforeEach
    void knownRoom() {
        store = DuckDbStore.open(StoreProperties.of(dir));
        jdbc = new JdbcTemplate(store.dataSource());
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
        jdbc.execute("""
                INSERT INTO indicator (code, level, label_fr, label_en, unit, better, default_target) VALUES
                  ('C1', 'organisational', 'Projets qui intègrent les usagers', 'Projects that integrate users', 'count', 'up', 5),
                  ('R1', 'clientele', 'Délai de réponse (jours)', 'Response time (days)', 'ratio', 'down', 14);
                INSERT INTO ingestion (id, kind, file_name, sha256, status) VALUES
                  (1, 'indicator-measures', 'mesures-mars.csv', 'a', 'COMPLETED'),
                  (2, 'indicator-measures', 'correction-delais.xlsx', 'b', 'COMPLETED'),
                  (3, 'project-counts', 'projets.csv', 'c', 'COMPLETED');
                INSERT INTO ingestion_manifest (sha256, ingestion_id, published_at) VALUES
                  ('a', 1, TIMESTAMPTZ '2026-04-02 10:00:00+00'),
                  ('b', 2, TIMESTAMPTZ '2026-04-05 09:30:00+00'),
                  ('c', 3, TIMESTAMPTZ '2026-04-03 08:00:00+00');
                INSERT INTO indicator_measure (establishment, direction, project, indicator, period, value, target, ingestion_id) VALUES
                  ('E1', 'D1', '', 'C1', DATE '2025-03-01',   4, NULL, 1),
                  ('E1', 'D2', '', 'C1', DATE '2025-03-01',   3, NULL, 1),
                  ('E1', 'D1', '', 'C1', DATE '2026-01-01',   3, NULL, 1),
                  ('E1', 'D1', '', 'C1', DATE '2026-02-01',   5, NULL, 1),
                  ('E1', 'D2', '', 'C1', DATE '2026-02-01',   2, NULL, 1),
                  ('E1', 'D1', '', 'C1', DATE '2026-03-01',   6, NULL, 1),
                  ('E1', 'D2', '', 'C1', DATE '2026-03-01',   4, NULL, 1),
                  ('E1', 'D3', '', 'C1', DATE '2026-03-01', 100, NULL, 1),
                  ('E1', 'D1', 'P-1', 'C1', DATE '2026-03-01', 50, NULL, 1),
                  ('E1', 'D1', '', 'R1', DATE '2025-03-01',  20, NULL, 1),
                  ('E1', 'D1', '', 'R1', DATE '2026-02-01',  16, NULL, 1),
                  ('E1', 'D1', '', 'R1', DATE '2026-03-01',  15, NULL, 2),
                  ('E1', 'D2', '', 'R1', DATE '2026-03-01',  16, NULL, 2),
                  ('E2', 'D1', '', 'C1', DATE '2026-03-01', 999, NULL, 1);
                INSERT INTO project_count (establishment, direction, period, category, count, ingestion_id) VALUES
                  ('E1', 'D1', DATE '2026-03-01', 'integrating-users', 2, 3),
                  ('E1', 'D2', DATE '2026-03-01', 'integrating-users', 3, 3),
                  ('E1', 'D3', DATE '2026-03-01', 'integrating-users', 50, 3),
                  ('E1', 'D1', DATE '2026-03-01', 'care-partner', 1, 3),
                  ('E1', 'D1', DATE '2026-03-01', 'values-preferences', 7, 3);
                """);
        version = new DataVersion();
        rooms = new SteeringRoomRepository(jdbc, new TransactionTemplate(new JdbcTransactionManager(jdbc.getDataSource())), version);
        commitments = new CommitmentRepository(jdbc, version);
        comments = new CommentRepository(named, version);
        actions = new ActionRepository(named, Clock.fixed(Instant.parse("2026-04-10T12:00:00Z"), ZoneOffset.UTC), version);
        service = new RoomDashboardService(new RoomQueries(named), new CatalogueRepository(jdbc), commitments, comments, version);
        long id = rooms.create(new RoomDraft("Salle tactique E1", RoomLevel.TACTICAL, "E1", List.of("D1", "D2"),
                List.of("R1", "C1"), List.of(ProjectCategory.INTEGRATING_USERS, ProjectCategory.CARE_PARTNER)), "admin");
        room = rooms.find(id).orElseThrow();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private IndicatorTile tile(RoomFilters filters, String code) {
        return service.dashboard(room, filters).allTiles().stream().filter(t -> t.indicator().code().equals(code))
                .findFirst().orElseThrow();
    }

    @Test
    void aMonthSumsCountsOverTheRoomsDirectionsOnlyWithTrendsAgainstLastMonthAndLastYear() {
        IndicatorTile c1 = tile(new RoomFilters(ReportingPeriod.month(MARCH)), "C1");
        assertThat(c1.value()).isEqualTo(10.0);          // D1 6 + D2 4; D3 and the project row are outside
        assertThat(c1.target()).isEqualTo(10.0);         // the catalogue's 5, summed over the two directions
        assertThat(c1.commitment()).isEqualTo(9.0);
        assertThat(c1.status()).isEqualTo(Status.ON_TARGET);
        assertThat(c1.vsPrevious().change()).isEqualTo(3.0);   // February: 5 + 2
        assertThat(c1.vsPrevious().improving()).isTrue();
        assertThat(c1.vsYearEarlier().change()).isEqualTo(3.0); // March 2025: 4 + 3
        assertThat(c1.sparkline()).hasSize(12).startsWith(null, null, null, null, null, null, null, null, null)
                .endsWith(3.0, 7.0, 10.0);
        assertThat(c1.lastMonthWithData()).isEqualTo(MARCH);
        assertThat(c1.loadedAt()).isEqualTo(Instant.parse("2026-04-02T10:00:00Z"));
    }

    @Test
    void lowerIsBetterAveragesOverDirectionsAndAMissingMonthIsLeftOut() {
        IndicatorTile r1 = tile(new RoomFilters(ReportingPeriod.month(MARCH)), "R1");
        assertThat(r1.value()).isEqualTo(15.5);          // (15 + 16) / 2
        assertThat(r1.target()).isEqualTo(14.0);
        assertThat(r1.commitment()).isCloseTo(15.4, offset(1e-9));
        assertThat(r1.status()).isEqualTo(Status.BELOW_COMMITMENT);
        assertThat(r1.vsPrevious().change()).isEqualTo(-0.5);   // February: D1 only, 16
        assertThat(r1.vsPrevious().direction()).isEqualTo(Trend.Direction.DOWN);
        assertThat(r1.vsPrevious().improving()).isTrue();
        assertThat(r1.vsYearEarlier().change()).isEqualTo(-4.5);
        assertThat(r1.loadedAt()).isEqualTo(Instant.parse("2026-04-05T09:30:00Z"));

        IndicatorTile january = tile(new RoomFilters(ReportingPeriod.month(YearMonth.of(2026, 1))), "R1");
        assertThat(january.value()).isNull();
        assertThat(january.status()).isEqualTo(Status.NO_DATA);
        assertThat(january.vsPrevious()).isNull();
        assertThat(january.lastMonthWithData()).isEqualTo(YearMonth.of(2025, 3));
    }

    @Test
    void aCommitmentLevelChangedFromAMonthOnAppliesFromThatMonth() {
        commitments.set("R1", MARCH, 20, "admin");
        assertThat(tile(new RoomFilters(ReportingPeriod.month(MARCH)), "R1").status()).isEqualTo(Status.COMMITMENT_MET);
        assertThat(tile(new RoomFilters(ReportingPeriod.month(MARCH)), "R1").commitment()).isCloseTo(16.8, offset(1e-9));
        // February keeps the default: 16 days against a commitment of 15.4.
        assertThat(tile(new RoomFilters(ReportingPeriod.month(YearMonth.of(2026, 2))), "R1").status())
                .isEqualTo(Status.BELOW_COMMITMENT);
    }

    @Test
    void aQuarterAndTwelveMonthsSumTheirMonthsForCounts() {
        IndicatorTile quarter = tile(new RoomFilters(new ReportingPeriod(ReportingPeriod.Kind.QUARTER, YearMonth.of(2026, 2))), "C1");
        assertThat(quarter.value()).isEqualTo(20.0);     // January 3 + February 7 + March 10
        assertThat(quarter.target()).isEqualTo(25.0);    // 5 + 10 + 10: January has D1 only
        assertThat(quarter.status()).isEqualTo(Status.BELOW_COMMITMENT);  // commitment 22.5
        assertThat(quarter.vsPrevious()).isNull();       // no data in the last quarter of 2025
        assertThat(quarter.vsYearEarlier().change()).isEqualTo(13.0);     // first quarter of 2025: 7

        IndicatorTile year = tile(new RoomFilters(new ReportingPeriod(ReportingPeriod.Kind.ROLLING_12, MARCH)), "C1");
        assertThat(year.value()).isEqualTo(20.0);        // April 2025 to March 2026
        assertThat(year.vsPrevious().change()).isEqualTo(13.0);
    }

    @Test
    void aCountWithTargetsOnPartOfItsRowsHasNoTargetRatherThanAFlatteringOne() {
        jdbc.execute("""
                INSERT INTO indicator (code, level, label_fr, label_en, unit, better, default_target) VALUES
                  ('C2', 'practitioner', 'Intervenants formés', 'Practitioners trained', 'count', 'up', NULL);
                INSERT INTO indicator_measure (establishment, direction, project, indicator, period, value, target, ingestion_id) VALUES
                  ('E1', 'D1', '', 'C2', DATE '2026-01-01', 4,    5, 1),
                  ('E1', 'D1', '', 'C2', DATE '2026-02-01', 4, NULL, 1),
                  ('E1', 'D1', '', 'C2', DATE '2026-03-01', 6,    5, 1),
                  ('E1', 'D2', '', 'C2', DATE '2026-03-01', 4, NULL, 1);
                """);
        version.changed();
        long id = rooms.create(new RoomDraft("Salle C2", RoomLevel.OPERATIONAL, "E1", List.of("D1", "D2"), List.of("C2"),
                List.of(ProjectCategory.CARE_PARTNER)), "admin");
        room = rooms.find(id).orElseThrow();

        IndicatorTile march = tile(new RoomFilters(ReportingPeriod.month(MARCH)), "C2");
        assertThat(march.value()).isEqualTo(10.0);
        assertThat(march.target()).as("D2 has no target: 10 against D1's 5 alone would read as on target").isNull();
        assertThat(march.status()).isEqualTo(Status.NO_TARGET);

        IndicatorTile d1 = tile(new RoomFilters(ReportingPeriod.month(MARCH), "D1", null, null, 12), "C2");
        assertThat(d1.target()).isEqualTo(5.0);
        assertThat(d1.status()).isEqualTo(Status.ON_TARGET);

        IndicatorTile quarter = tile(new RoomFilters(new ReportingPeriod(ReportingPeriod.Kind.QUARTER, MARCH), "D1", null, null, 12), "C2");
        assertThat(quarter.value()).isEqualTo(14.0);
        assertThat(quarter.target()).as("February has no target").isNull();
        IndicatorTile january = tile(new RoomFilters(ReportingPeriod.month(YearMonth.of(2026, 1)), "D1", null, null, 12), "C2");
        assertThat(january.target()).isEqualTo(5.0);
        assertThat(january.status()).isEqualTo(Status.BELOW_COMMITMENT); // 4 against a commitment of 4.5
    }

    @Test
    void aDirectionFilterNarrowsTheRoomAndOneOutsideItsScopeIsRefused() {
        IndicatorTile d2 = tile(new RoomFilters(ReportingPeriod.month(MARCH), "D2", null, null, 12), "C1");
        assertThat(d2.value()).isEqualTo(4.0);
        assertThat(d2.status()).isEqualTo(Status.BELOW_COMMITMENT);
        assertThatThrownBy(() -> service.dashboard(room, new RoomFilters(ReportingPeriod.month(MARCH), "D3", null, null, 12)))
                .isInstanceOf(IllegalArgumentException.class);

        IndicatorTile project = tile(new RoomFilters(ReportingPeriod.month(MARCH), null, "P-1", null, 12), "C1");
        assertThat(project.value()).isEqualTo(50.0);
    }

    @Test
    void tilesFollowTheRoomsOrderWithinEachLevelAndFreshnessIsTheNewestPublication() {
        RoomDashboard dashboard = service.dashboard(room, new RoomFilters(ReportingPeriod.month(MARCH)));
        assertThat(dashboard.tiles().keySet()).containsExactly(EffectLevel.ORGANISATIONAL, EffectLevel.CLIENTELE);
        assertThat(dashboard.charts()).containsExactly(RoomChart.ORGANISATIONAL, RoomChart.CLIENTELE,
                RoomChart.PROJECT_COUNTS, RoomChart.DIRECTIONS);
        assertThat(dashboard.freshness()).isEqualTo(Instant.parse("2026-04-05T09:30:00Z"));
        assertThat(dashboard.ingestions()).extracting(RoomDashboard.Provenance::fileName)
                .containsExactly("mesures-mars.csv", "correction-delais.xlsx", "projets.csv");
    }

    @Test
    void projectCountsAreSummedOverTheRoomsDirectionsForItsCategories() {
        RoomData data = service.data(room, new RoomFilters(ReportingPeriod.month(MARCH)));
        assertThat(data.counts()).extracting(c -> c.category().code() + "=" + c.count())
                .containsExactly("care-partner=1", "integrating-users=5");
        String svg = new String(service.chartSvg(room, RoomChart.PROJECT_COUNTS, new RoomFilters(ReportingPeriod.month(MARCH)),
                Locale.CANADA_FRENCH), StandardCharsets.UTF_8);
        assertThat(svg).contains("Projets par catégorie").contains("Intègrent les usagers").doesNotContain("Valeurs et préférences");
    }

    @Test
    void theDirectionComparisonShowsEachDirectionOfTheScope() {
        RoomData data = service.data(room, new RoomFilters(ReportingPeriod.month(MARCH), null, null, "C1", 12));
        assertThat(data.compared()).isEqualTo("C1");
        assertThat(data.directionTotals()).containsOnlyKeys("D1", "D2");
        assertThat(data.directionTotals().get("D1").value()).isEqualTo(6.0);
        String svg = new String(service.chartSvg(room, RoomChart.DIRECTIONS, new RoomFilters(ReportingPeriod.month(MARCH), null, null, "C1", 12),
                Locale.CANADA), StandardCharsets.UTF_8);
        assertThat(svg).contains("Directions compared").contains("Projects that integrate users").contains(">D1<").contains(">D2<");
    }

    @Test
    void aCommentBecomesAMarkerOnItsIndicatorsChartsAtOnce() {
        RoomFilters march = new RoomFilters(ReportingPeriod.month(MARCH));
        String before = new String(service.chartSvg(room, RoomChart.CLIENTELE, march, Locale.CANADA_FRENCH), StandardCharsets.UTF_8);
        assertThat(before).doesNotContain("Journée du partenariat");

        comments.add("R1", "E1", YearMonth.of(2026, 2), "Journée du partenariat", "manager");

        String after = new String(service.chartSvg(room, RoomChart.CLIENTELE, march, Locale.CANADA_FRENCH), StandardCharsets.UTF_8);
        assertThat(after).contains("Journée du partenariat").contains("Commentaire");
        assertThat(new String(service.memberChartSvg(room, "R1", false, march, Locale.CANADA_FRENCH), StandardCharsets.UTF_8))
                .contains("Journée du partenariat").contains("Par direction");
        assertThat(service.comments(room, "R1", march)).extracting(c -> c.author() + ":" + c.period())
                .containsExactly("manager:2026-02");
    }

    @Test
    void theRowsBehindAnIndicatorNameTheirFile() {
        List<RoomQueries.MeasureRow> rows = service.rows(room, "R1", new RoomFilters(ReportingPeriod.month(MARCH)), 100);
        assertThat(rows).extracting(r -> r.direction() + "/" + r.period() + "=" + r.value() + " " + r.fileName())
                .containsExactly("D1/2026-03=15.0 correction-delais.xlsx", "D2/2026-03=16.0 correction-delais.xlsx",
                        "D1/2026-02=16.0 mesures-mars.csv");
    }

    @Test
    void roomsAreCreatedChangedAndDeletedWithTheirActions() {
        assertThat(room.indicators()).containsExactly("R1", "C1");
        assertThat(room.directions()).containsExactly("D1", "D2");
        assertThat(room.categories()).containsExactly(ProjectCategory.INTEGRATING_USERS, ProjectCategory.CARE_PARTNER);

        assertThat(rooms.update(room.id(), new RoomDraft("Salle stratégique", RoomLevel.STRATEGIC, "E1", List.of(),
                List.of("C1"), List.of()))).isTrue();
        SteeringRoom changed = rooms.find(room.id()).orElseThrow();
        assertThat(changed.name()).isEqualTo("Salle stratégique");
        assertThat(changed.level()).isEqualTo(RoomLevel.STRATEGIC);
        assertThat(changed.directions()).isEmpty();
        assertThat(changed.indicators()).containsExactly("C1");

        actions.add(room.id(), new ActionDraft("Relancer le comité", "Chef DQEPE", LocalDate.of(2026, 5, 1), ActionStatus.TODO, "C1"), "manager");
        assertThat(rooms.delete(room.id())).isTrue();
        assertThat(rooms.find(room.id())).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM priority_action", Integer.class)).isZero();
        assertThat(new RoomDraft(" ", null, null, null, List.of(), List.of()).problems()).extracting(Sentence::key)
                .containsExactly("room.error.name", "room.error.level", "room.error.establishment", "room.error.content");
    }

    @Test
    void actionsPastTheirDueDateAndNotDoneAreLateAndComeFirst() {
        long onTime = actions.add(room.id(), new ActionDraft("Former les intervenants", "Équipe DSI", LocalDate.of(2026, 4, 30),
                ActionStatus.IN_PROGRESS, null), "manager");
        long late = actions.add(room.id(), new ActionDraft("Consulter le comité des usagers", "Chef DQEPE", LocalDate.of(2026, 4, 1),
                ActionStatus.TODO, "R1"), "manager");
        long doneLate = actions.add(room.id(), new ActionDraft("Publier le bilan", "DSP", LocalDate.of(2026, 3, 1),
                ActionStatus.DONE, null), "manager");

        List<PriorityAction> list = actions.forRoom(room.id());
        assertThat(list).extracting(PriorityAction::id).containsExactly(late, onTime, doneLate);
        assertThat(list).extracting(PriorityAction::late).containsExactly(true, false, false);

        actions.update(late, new ActionDraft("Consulter le comité des usagers", "Chef DQEPE", LocalDate.of(2026, 4, 1),
                ActionStatus.DONE, "R1"));
        assertThat(actions.forRoom(room.id())).noneMatch(PriorityAction::late);
    }

    @Test
    void cachedResultsAreDroppedWhenTheDataVersionChanges() {
        RoomFilters march = new RoomFilters(ReportingPeriod.month(MARCH));
        assertThat(tile(march, "C1").value()).isEqualTo(10.0);
        jdbc.update("UPDATE indicator_measure SET value = 16 WHERE direction = 'D1' AND indicator = 'C1' AND period = DATE '2026-03-01' AND project = ''");
        assertThat(tile(march, "C1").value()).as("cached until the data version changes").isEqualTo(10.0);
        version.changed();
        assertThat(tile(march, "C1").value()).isEqualTo(20.0);
    }

    @Test
    void periodsKnowTheirMonthsAndNeighbours() {
        ReportingPeriod q = new ReportingPeriod(ReportingPeriod.Kind.QUARTER, YearMonth.of(2026, 8));
        assertThat(q.end()).isEqualTo(YearMonth.of(2026, 9));
        assertThat(q.start()).isEqualTo(YearMonth.of(2026, 7));
        assertThat(q.previous().end()).isEqualTo(YearMonth.of(2026, 6));
        assertThat(q.yearEarlier().start()).isEqualTo(YearMonth.of(2025, 7));
        ReportingPeriod r = new ReportingPeriod(ReportingPeriod.Kind.ROLLING_12, MARCH);
        assertThat(r.start()).isEqualTo(YearMonth.of(2025, 4));
        assertThat(r.previous().end()).isEqualTo(YearMonth.of(2025, 3));
        assertThat(Map.of("k", r.contains(YearMonth.of(2025, 4)))).containsEntry("k", true);
    }

    @Test
    void aPartQuarterIsComparedWithTheSameMonthsOfTheReferenceQuarters() {
        jdbc.execute("""
                INSERT INTO indicator (code, level, label_fr, label_en, unit, better, default_target) VALUES
                  ('C3', 'organisational', 'Comités avec des usagers', 'Committees with users', 'count', 'up', 3);
                INSERT INTO indicator_measure (establishment, direction, project, indicator, period, value, target, ingestion_id) VALUES
                  ('E1', 'D1', '', 'C3', DATE '2025-07-01', 2, 3, 1),
                  ('E1', 'D1', '', 'C3', DATE '2025-08-01', 2, 3, 1),
                  ('E1', 'D1', '', 'C3', DATE '2025-09-01', 2, 3, 1),
                  ('E1', 'D1', '', 'C3', DATE '2025-10-01', 5, 3, 1);
                """);
        version.changed();
        long id = rooms.create(new RoomDraft("Salle C3", RoomLevel.OPERATIONAL, "E1", List.of("D1"), List.of("C3"), List.of()), "admin");
        room = rooms.find(id).orElseThrow();
        ReportingPeriod q4 = new ReportingPeriod(ReportingPeriod.Kind.QUARTER, YearMonth.of(2025, 10)); // October only, so far

        IndicatorTile now = tile(new RoomFilters(q4), "C3");
        assertThat(now.value()).isEqualTo(5.0);
        assertThat(now.vsPrevious().reference()).as("July only, not July to September").isEqualTo(2.0);
        IndicatorTile third = tile(new RoomFilters(q4.previous()), "C3");
        assertThat(third.value()).as("the whole third quarter when it is the one shown").isEqualTo(6.0);
    }
}
