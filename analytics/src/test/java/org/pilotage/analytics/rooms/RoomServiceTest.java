package org.pilotage.analytics.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pilotage.analytics.FeatureFixture.admin;
import static org.pilotage.analytics.FeatureFixture.caller;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pilotage.analytics.FeatureFixture;
import org.pilotage.analytics.access.Caller;
import org.pilotage.analytics.access.Role;
import org.pilotage.analytics.catalogue.ProjectCategory;
import org.pilotage.analytics.rooms.RoomService.FilterWords;
import org.pilotage.analytics.text.Invalid;
import org.pilotage.analytics.text.Refusal;

/**
 * The rooms feature without a browser: a room of another establishment does not exist for a caller,
 * only admins change rooms (each change audited once), and a request's words are checked once for
 * every screen and script.
 */
class RoomServiceTest {

    @TempDir
    static Path dir;
    static FeatureFixture fx;
    static RoomService rooms;
    static SteeringRoom east;
    static SteeringRoom west;

    @BeforeAll
    static void twoRooms() {
        fx = new FeatureFixture(dir);
        rooms = fx.bean(RoomService.class);
        east = rooms.find(admin(), rooms.create(admin(), new RoomDraft("Salle E1", RoomLevel.TACTICAL, "E1", List.of("D1"),
                List.of("C1", "R1"), List.of(ProjectCategory.CARE_PARTNER)))).orElseThrow();
        west = rooms.find(admin(), rooms.create(admin(), new RoomDraft("Salle E2", RoomLevel.STRATEGIC, "E2", List.of(),
                List.of("R1"), List.of()))).orElseThrow();
    }

    @AfterAll
    static void close() {
        fx.close();
    }

    @Test
    void aRoomOfAnotherEstablishmentDoesNotExistForACallerLimitedToOne() {
        Caller manager = caller("gest-e1", Role.MANAGER, "E1");
        assertThat(rooms.visible(manager)).extracting(SteeringRoom::name).containsExactly("Salle E1");
        assertThat(rooms.find(manager, west.id())).isEmpty();
        assertThat(rooms.find(manager, String.valueOf(west.id()))).isEmpty();
        assertThatThrownBy(() -> rooms.require(manager, String.valueOf(west.id())))
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.reason()).isEqualTo(Refusal.Reason.NOT_FOUND);
                    assertThat(r.sentence().key()).isEqualTo("room.unknown-id");
                });
        assertThatThrownBy(() -> rooms.require(manager, "abc")).isInstanceOf(Refusal.class);
        assertThat(rooms.visible(admin())).hasSize(2);
    }

    @Test
    void onlyAdminsChangeRoomsAndEachChangeIsAuditedOnce() {
        Caller manager = caller("gest", Role.MANAGER);
        RoomDraft draft = new RoomDraft("Salle D2", RoomLevel.OPERATIONAL, "E1", List.of("D2"), List.of("C1"), List.of());
        assertThatThrownBy(() -> rooms.create(manager, draft))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.FORBIDDEN));

        long id = rooms.create(admin(), draft);
        rooms.update(admin(), id, new RoomDraft("Salle D2 renommée", RoomLevel.OPERATIONAL, "E1", List.of("D2"), List.of("C1"), List.of()));
        rooms.delete(admin(), id);
        assertThat(fx.audit().stream().filter(e -> e.endsWith("room " + id)).toList())
                .containsExactly("admin room-deleted room " + id, "admin room-changed room " + id, "admin room-created room " + id);
        assertThat(rooms.find(admin(), id)).isEmpty();
    }

    @Test
    void aDraftIsRefusedWithEveryProblemAndAnAdminLimitedToOneEstablishmentCannotCreateInAnother() {
        assertThatThrownBy(() -> rooms.create(admin(), new RoomDraft(" ", null, null, null, List.of(), List.of())))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.problems()).extracting(s -> s.key())
                        .containsExactly("room.error.name", "room.error.level", "room.error.establishment", "room.error.content"));
        Caller limited = new Caller("admin-e1", java.util.EnumSet.allOf(Role.class), java.util.Set.of("E1"), null);
        assertThatThrownBy(() -> rooms.create(limited, new RoomDraft("Ailleurs", RoomLevel.TACTICAL, "E2", List.of(), List.of("C1"), List.of())))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.sentence().key()).isEqualTo("room.establishment-outside"));
    }

    @Test
    void aRequestsWordsAreCheckedOnceWithTheirDefaults() {
        RoomFilters none = rooms.filters(east, FilterWords.none());
        assertThat(none.period()).isEqualTo(ReportingPeriod.month(rooms.lastCompleteMonth()));
        assertThat(none.months()).isEqualTo(RoomFilters.DEFAULT_MONTHS);

        RoomFilters some = rooms.filters(east, new FilterWords("quarter", "2026-03", "6", "D1", "P-1", "R1"));
        assertThat(some).isEqualTo(new RoomFilters(new ReportingPeriod(ReportingPeriod.Kind.QUARTER, YearMonth.of(2026, 3)),
                "D1", "P-1", "R1", 6));

        assertThat(refusal(new FilterWords(null, "mars", null, null, null, null))).isEqualTo("request.month-format");
        assertThat(refusal(new FilterWords(null, null, "61", null, null, null))).isEqualTo("request.months-window");
        assertThat(refusal(new FilterWords(null, null, "0", null, null, null))).isEqualTo("request.months-window");
        assertThat(refusal(new FilterWords("week", null, null, null, null, null))).isEqualTo("request.period-kind");
        assertThat(refusal(new FilterWords(null, null, null, "D2", null, null))).isEqualTo("room.direction-outside");
        assertThat(refusal(new FilterWords(null, null, null, null, null, "C9"))).isEqualTo("room.indicator-outside");
    }

    @Test
    void aScreenKeepsTheWordsThatAreRightAndDropsTheOthers() {
        RoomFilters kept = rooms.filtersOrDefaults(east, new FilterWords("quarter", "n'importe", null, "D2", "P-1", null));
        assertThat(kept.period()).isEqualTo(new ReportingPeriod(ReportingPeriod.Kind.QUARTER, rooms.lastCompleteMonth()));
        assertThat(kept.direction()).as("outside the room's scope").isNull();
        assertThat(kept.project()).isEqualTo("P-1");
    }

    @Test
    void aRoomWithoutDirectionsCoversEveryDirectionOfItsEstablishment() {
        assertThat(rooms.directions(admin(), west)).containsExactly("D9");
        assertThat(rooms.directions(admin(), east)).containsExactly("D1");
    }

    private static String refusal(FilterWords words) {
        try {
            rooms.filters(east, words);
            return "accepted";
        } catch (Invalid e) {
            return e.sentence().key();
        }
    }
}
