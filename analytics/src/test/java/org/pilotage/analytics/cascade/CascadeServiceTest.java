package org.pilotage.analytics.cascade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pilotage.analytics.FeatureFixture.admin;
import static org.pilotage.analytics.FeatureFixture.caller;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pilotage.analytics.CascadeFixture;
import org.pilotage.analytics.access.Role;
import org.pilotage.analytics.actions.ActionRepository.ActionDraft;
import org.pilotage.analytics.actions.ActionService;
import org.pilotage.analytics.actions.ActionStatus;
import org.pilotage.analytics.dashboard.IndicatorTile;
import org.pilotage.analytics.dashboard.RoomDashboardService;
import org.pilotage.analytics.escalations.EscalationDraft;
import org.pilotage.analytics.escalations.EscalationService;
import org.pilotage.analytics.rooms.ReportingPeriod;
import org.pilotage.analytics.rooms.RoomDraft;
import org.pilotage.analytics.rooms.RoomFilters;
import org.pilotage.analytics.rooms.RoomLevel;
import org.pilotage.analytics.rooms.RoomService;
import org.pilotage.analytics.rooms.SteeringRoom;
import org.pilotage.analytics.status.Status;
import org.pilotage.analytics.text.Invalid;
import org.pilotage.analytics.text.Refusal;

/** The cascade without a browser: where a room may hang, and the tree's counts against the rooms' own tiles. */
class CascadeServiceTest {

    @TempDir
    Path dir;
    CascadeFixture cx;
    RoomService rooms;

    @BeforeEach
    void cascade() {
        cx = new CascadeFixture(dir);
        rooms = cx.bean(RoomService.class);
    }

    @AfterEach
    void close() {
        cx.close();
    }

    @Test
    void aRoomHangsOneLevelUpInTheSameEstablishmentWithinItsParentsScope() {
        assertThat(problem(new RoomDraft("Op", RoomLevel.OPERATIONAL, "E1", List.of("D1"), List.of("C1"), List.of(), cx.strategic.id())))
                .isEqualTo("room.parent-level");
        assertThat(problem(new RoomDraft("Str", RoomLevel.STRATEGIC, "E1", List.of(), List.of("C1"), List.of(), cx.strategic.id())))
                .isEqualTo("room.parent-none-above");
        assertThat(problem(new RoomDraft("Op", RoomLevel.OPERATIONAL, "E2", List.of("D9"), List.of("C1"), List.of(), cx.tactical.id())))
                .isEqualTo("room.parent-scope");
        assertThat(problem(new RoomDraft("Op", RoomLevel.OPERATIONAL, "E1", List.of(), List.of("C1"), List.of(), cx.tactical.id())))
                .as("every direction, under a room of two").isEqualTo("room.parent-scope");
        assertThat(problem(new RoomDraft("Op", RoomLevel.OPERATIONAL, "E1", List.of("D1"), List.of("C1"), List.of(), 999L)))
                .isEqualTo("room.parent-unknown");
        assertThat(problem(new RoomDraft("Op D2", RoomLevel.OPERATIONAL, "E1", List.of("D2"), List.of("C1"), List.of(), cx.tactical.id())))
                .isEqualTo("accepted");

        assertThat(updateProblem(cx.tactical, cx.tactical.draft().withParent(cx.tactical.id()))).isEqualTo("room.parent-cycle");
        assertThat(updateProblem(cx.tactical, new RoomDraft("Tactique E1", RoomLevel.TACTICAL, "E1", List.of("D2"), List.of("C1"), List.of(),
                cx.strategic.id()))).as("its operational room of D1 would fall outside").isEqualTo("room.children-outside");
        assertThatThrownBy(() -> rooms.delete(admin(), cx.tactical.id()))
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.reason()).isEqualTo(Refusal.Reason.CONFLICT);
                    assertThat(r.sentence().key()).isEqualTo("room.has-children");
                });
    }

    @Test
    void aRoomKnowsItsPathUpItsChildrenAndTheRoomsItMayHangFrom() {
        assertThat(rooms.path(cx.operational)).extracting(SteeringRoom::name).containsExactly("Tactique E1", "Stratégique E1");
        assertThat(rooms.children(cx.strategic)).extracting(SteeringRoom::name).containsExactly("Tactique E1");
        assertThat(rooms.descendants(cx.strategic)).extracting(SteeringRoom::name).containsExactly("Tactique E1", "Opérationnelle D1");
        assertThat(rooms.possibleParents(admin(), RoomLevel.OPERATIONAL, "E1", List.of("D2"))).extracting(SteeringRoom::name)
                .containsExactly("Tactique E1");
        assertThat(rooms.possibleParents(admin(), RoomLevel.OPERATIONAL, "E2", List.of())).isEmpty();
    }

    @Test
    void theTreeCountsEachRoomAsItsOwnTilesDo() {
        ActionService actions = cx.bean(ActionService.class);
        actions.add(caller("gest", Role.MANAGER), cx.operational, new ActionDraft("En retard", "Moi", cx.month.atDay(1), ActionStatus.TODO, null));
        cx.bean(EscalationService.class).escalate(caller("gest", Role.MANAGER), cx.operational,
                EscalationDraft.indicator("C1", cx.month, "Motif", null, null));

        List<RoomNode> tree = cx.bean(CascadeService.class).tree(admin(), cx.strategic);
        assertThat(tree).extracting(n -> n.room().name() + " " + n.depth() + " " + n.red() + "/" + n.amber() + "/" + n.green() + " "
                + n.lateActions() + " " + n.openEscalations())
                .containsExactly("Tactique E1 1 2/0/0 0 1", "Opérationnelle D1 2 1/0/1 1 1");

        RoomDashboardService dashboards = cx.bean(RoomDashboardService.class);
        for (RoomNode n : tree) {
            List<IndicatorTile> tiles = dashboards.dashboard(n.room(), new RoomFilters(ReportingPeriod.month(cx.month))).allTiles();
            Map<Status, Long> counts = tiles.stream().collect(java.util.stream.Collectors.groupingBy(IndicatorTile::status,
                    java.util.stream.Collectors.counting()));
            assertThat(n.red()).as(n.room().name()).isEqualTo(counts.getOrDefault(Status.BELOW_COMMITMENT, 0L).intValue());
            assertThat(n.amber()).as(n.room().name()).isEqualTo(counts.getOrDefault(Status.COMMITMENT_MET, 0L).intValue());
            assertThat(n.green()).as(n.room().name()).isEqualTo(counts.getOrDefault(Status.ON_TARGET, 0L).intValue());
        }
        assertThatThrownBy(() -> cx.bean(CascadeService.class).tree(caller("gest-e2", Role.MANAGER, "E2"), cx.strategic))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.NOT_FOUND));
    }

    private String problem(RoomDraft draft) {
        try {
            rooms.create(admin(), draft);
            return "accepted";
        } catch (Invalid e) {
            return e.sentence().key();
        }
    }

    private String updateProblem(SteeringRoom room, RoomDraft draft) {
        try {
            rooms.update(admin(), room.id(), draft);
            return "accepted";
        } catch (Invalid e) {
            return e.sentence().key();
        }
    }
}
