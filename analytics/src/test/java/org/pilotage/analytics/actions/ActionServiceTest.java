package org.pilotage.analytics.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pilotage.analytics.FeatureFixture.admin;
import static org.pilotage.analytics.FeatureFixture.caller;

import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pilotage.analytics.FeatureFixture;
import org.pilotage.analytics.access.Caller;
import org.pilotage.analytics.access.Role;
import org.pilotage.analytics.actions.ActionRepository.ActionDraft;
import org.pilotage.analytics.rooms.SteeringRoom;
import org.pilotage.analytics.text.Invalid;
import org.pilotage.analytics.text.Refusal;

/** A room's priority actions without a browser: who may change them, what is refused, and one audit record per change. */
class ActionServiceTest {

    @TempDir
    Path dir;
    FeatureFixture fx;
    ActionService actions;
    SteeringRoom room;

    @BeforeEach
    void aRoom() {
        fx = new FeatureFixture(dir);
        actions = fx.bean(ActionService.class);
        room = fx.room("Salle E1", "C1");
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private static ActionDraft draft(String title, String indicator) {
        return new ActionDraft(title, "Coordination", LocalDate.of(2026, 12, 15), ActionStatus.TODO, indicator);
    }

    @Test
    void managersAddAndChangeActionsEachChangeAuditedOnce() {
        Caller manager = caller("gest", Role.MANAGER, "E1");
        long id = actions.add(manager, room, draft("Former les intervenants", "C1"));
        actions.update(manager, room, id, new ActionDraft("Former les intervenants", "Coordination", LocalDate.of(2026, 12, 15),
                ActionStatus.DONE, "C1"));
        assertThat(actions.forRoom(room)).extracting(PriorityAction::status).containsExactly(ActionStatus.DONE);
        assertThat(fx.audit()).containsExactly("gest action-changed room " + room.id() + " action " + id,
                "gest action-added room " + room.id() + " action " + id, "admin room-created room " + room.id());
    }

    @Test
    void executivesReadButDoNotChange() {
        Caller executive = caller("dir", Role.EXECUTIVE);
        assertThat(ActionService.mayChange(executive)).isFalse();
        assertThatThrownBy(() -> actions.add(executive, room, draft("Titre", null)))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.FORBIDDEN));
        assertThat(actions.forRoom(room)).isEmpty();
    }

    @Test
    void anIncompleteActionAnIndicatorOutsideTheRoomAndAnUnknownActionAreRefused() {
        Caller manager = caller("gest", Role.MANAGER);
        assertThatThrownBy(() -> actions.add(manager, room, draft(" ", null)))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.sentence().key()).isEqualTo("actions.invalid"));
        assertThatThrownBy(() -> actions.add(manager, room, draft("Titre", "R1")))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.sentence().key()).isEqualTo("room.indicator-outside"));
        assertThatThrownBy(() -> actions.update(manager, room, 999, draft("Titre", null)))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.NOT_FOUND));
        assertThat(actions.forRoom(room)).isEmpty();
    }
}
