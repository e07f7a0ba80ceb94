package org.pilotage.ingestion.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pilotage.analytics.actions.ActionService;
import org.pilotage.analytics.actions.DemoActions;
import org.pilotage.analytics.catalogue.CatalogueRepository;
import org.pilotage.analytics.dashboard.RoomDashboardService;
import org.pilotage.analytics.demo.DemoDataLoaded;
import org.pilotage.analytics.escalations.DemoEscalations;
import org.pilotage.analytics.escalations.EscalationRepository;
import org.pilotage.analytics.escalations.EscalationService;
import org.pilotage.analytics.notes.DemoNotes;
import org.pilotage.analytics.notes.NotesService;
import org.pilotage.analytics.reference.ReferenceRepository;
import org.pilotage.analytics.rooms.DemoRooms;
import org.pilotage.analytics.rooms.DemoRoomsCreated;
import org.pilotage.analytics.rooms.RoomService;
import org.pilotage.analytics.store.AppSettings;
import org.pilotage.ingestion.load.DefaultCatalogue;
import org.pilotage.ingestion.load.StoreFixture;
import org.springframework.jdbc.core.JdbcTemplate;

class DemoDataTest {

    static final Clock NOVEMBER_2026 = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneId.of("America/Montreal"));

    @TempDir
    Path dir;

    /** The demo data as the demo profile loads it, with the rooms feature seeding its rooms on the same clock. */
    private static DemoData demo(StoreFixture fx) {
        DemoActions actions = new DemoActions(fx.context.getBean(ActionService.class), NOVEMBER_2026);
        DemoNotes notes = new DemoNotes(fx.context.getBean(NotesService.class));
        DemoEscalations escalations = new DemoEscalations(fx.context.getBean(EscalationService.class),
                fx.context.getBean(EscalationRepository.class), fx.context.getBean(ActionService.class),
                fx.context.getBean(RoomDashboardService.class));
        DemoRooms rooms = new DemoRooms(fx.context.getBean(RoomService.class), fx.context.getBean(AppSettings.class), NOVEMBER_2026,
                event -> {
                    actions.on((DemoRoomsCreated) event);
                    notes.on((DemoRoomsCreated) event);
                    escalations.on((DemoRoomsCreated) event);
                });
        return new DemoData(fx.ingestion, fx.store, fx.context.getBean(AppSettings.class), new ReferenceRepository(fx.jdbc),
                fx.context.getBean(CatalogueRepository.class), NOVEMBER_2026, fx.context.getBean(DefaultCatalogue.class),
                event -> rooms.on((DemoDataLoaded) event));
    }

    private static long count(JdbcTemplate jdbc, String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    @Test
    void theDemoDataSetHasTheShapeTheFoundationPromises() {
        try (StoreFixture fx = new StoreFixture(dir)) {
            demo(fx).loadOnce();
            JdbcTemplate jdbc = fx.jdbc;

            assertThat(count(jdbc, "SELECT count(*) FROM establishment")).isEqualTo(3);
            assertThat(count(jdbc, "SELECT count(*) FROM direction")).isEqualTo(12);
            assertThat(count(jdbc, "SELECT count(*) FROM project")).isEqualTo(60);
            assertThat(count(jdbc, "SELECT count(DISTINCT indicator) FROM indicator_measure")).isEqualTo(12);
            assertThat(count(jdbc, "SELECT count(DISTINCT period) FROM indicator_measure")).isEqualTo(36);
            assertThat(jdbc.queryForObject("SELECT strftime(max(period), '%Y-%m') || '/' || strftime(min(period), '%Y-%m') FROM indicator_measure", String.class))
                    .isEqualTo("2026-10/2023-11");
            assertThat(count(jdbc, "SELECT count(DISTINCT category) FROM project_count")).isEqualTo(5);
            assertThat(count(jdbc, "SELECT count(*) FROM ingestion WHERE status = 'COMPLETED'")).isEqualTo(3); // catalogue, measures, counts
            // A few months without data, so that gaps are part of the demo.
            long slots = 3L * 4 * 12 * 36;
            assertThat(count(jdbc, "SELECT count(*) FROM indicator_measure WHERE project = ''")).isBetween(slots * 90 / 100, slots - 1);
            assertThat(jdbc.queryForObject("SELECT name FROM establishment WHERE code = 'CISSS-DEMO-NORD'", String.class))
                    .isEqualTo("CISSS fictif du Nord");
            assertThat(Files.exists(fx.store.dataDir().resolve("demo").resolve("demo-mesures.csv"))).isTrue();
            // One steering room per level in each establishment, and in the first a cascade: one strategic room,
            // two tactical rooms below it and three operational rooms below those; every room has priority actions,
            // one of them late.
            assertThat(jdbc.queryForList("SELECT level FROM steering_room ORDER BY id", String.class))
                    .containsExactly("strategic", "tactical", "operational", "tactical", "tactical",
                            "operational", "operational", "operational");
            assertThat(count(jdbc, "SELECT count(*) FROM steering_room WHERE parent_id IS NOT NULL")).isEqualTo(5);
            assertThat(count(jdbc, """
                    SELECT count(*) FROM steering_room c JOIN steering_room p ON p.id = c.parent_id
                    WHERE p.establishment <> c.establishment
                       OR (p.level = 'strategic' AND c.level <> 'tactical')
                       OR (p.level = 'tactical' AND c.level <> 'operational')
                    """)).isZero();
            assertThat(count(jdbc, "SELECT count(DISTINCT room_id) FROM priority_action")).isEqualTo(8);
            // Escalations in every status, one of them past its answer date without an answer.
            assertThat(jdbc.queryForList("SELECT DISTINCT status FROM escalation ORDER BY status", String.class))
                    .containsExactlyInAnyOrder("OPEN", "TAKEN_IN_CHARGE", "ANSWERED", "RETURNED", "CLOSED", "ESCALATED");
            assertThat(count(jdbc, "SELECT count(*) FROM escalation WHERE status IN ('OPEN', 'TAKEN_IN_CHARGE', 'ESCALATED') "
                    + "AND answer_by < current_date")).isGreaterThanOrEqualTo(1);
            assertThat(count(jdbc, "SELECT count(*) FROM escalation_event")).isGreaterThan(count(jdbc, "SELECT count(*) FROM escalation"));
            assertThat(count(jdbc, "SELECT count(*) FROM priority_action WHERE status <> 'done' AND due_date < DATE '2026-11-24'"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(count(jdbc, "SELECT count(*) FROM indicator_comment")).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void aRestartDoesNotLoadTheDemoDataAgain() {
        long ingestions;
        long measures;
        long escalations;
        try (StoreFixture fx = new StoreFixture(dir)) {
            demo(fx).loadOnce();
            JdbcTemplate jdbc = fx.jdbc;
            ingestions = count(jdbc, "SELECT count(*) FROM ingestion");
            measures = count(jdbc, "SELECT count(*) FROM indicator_measure");
            escalations = count(jdbc, "SELECT count(*) FROM escalation");
        }
        try (StoreFixture fx = new StoreFixture(dir)) {
            demo(fx).loadOnce();
            JdbcTemplate jdbc = fx.jdbc;
            assertThat(count(jdbc, "SELECT count(*) FROM ingestion")).isEqualTo(ingestions);
            assertThat(count(jdbc, "SELECT count(*) FROM indicator_measure")).isEqualTo(measures);
            assertThat(count(jdbc, "SELECT count(*) FROM steering_room")).isEqualTo(8);
            assertThat(count(jdbc, "SELECT count(*) FROM escalation")).isEqualTo(escalations);
        }
    }

    @Test
    void theSameMonthGivesTheSameFiles() throws Exception {
        DemoDataGenerator generator = new DemoDataGenerator(7);
        Path a = generator.writeProjectCounts(dir.resolve("a.csv"), java.time.YearMonth.of(2026, 10));
        Path b = new DemoDataGenerator(7).writeProjectCounts(dir.resolve("b.csv"), java.time.YearMonth.of(2026, 10));
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    }
}
