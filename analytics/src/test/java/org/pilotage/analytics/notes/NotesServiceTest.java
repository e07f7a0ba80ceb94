package org.pilotage.analytics.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pilotage.analytics.FeatureFixture.admin;
import static org.pilotage.analytics.FeatureFixture.caller;

import java.nio.file.Path;
import java.time.YearMonth;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pilotage.analytics.FeatureFixture;
import org.pilotage.analytics.access.Caller;
import org.pilotage.analytics.access.Role;
import org.pilotage.analytics.rooms.SteeringRoom;
import org.pilotage.analytics.text.Invalid;
import org.pilotage.analytics.text.Refusal;

/** Comments and commitment levels without a browser: who writes them, what is refused, one audit record each. */
class NotesServiceTest {

    static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    @TempDir
    Path dir;
    FeatureFixture fx;
    NotesService notes;
    SteeringRoom room;

    @BeforeEach
    void aRoom() {
        fx = new FeatureFixture(dir);
        notes = fx.bean(NotesService.class);
        room = fx.room("Salle E1", "C1");
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void aManagerCommentsAnIndicatorOfTheRoomForItsEstablishment() {
        Caller manager = caller("gest", Role.MANAGER);
        long id = notes.comment(manager, room, "C1", OCTOBER, "  Journée du partenariat  ");
        assertThat(fx.jdbc.queryForObject("SELECT establishment || ' ' || indicator || ' ' || strftime(period, '%Y-%m') || ' ' || author"
                + " FROM indicator_comment WHERE id = ?", String.class, id)).isEqualTo("E1 C1 2026-10 gest");
        assertThat(fx.audit().getFirst()).isEqualTo("gest comment-added indicator C1 comment " + id);
    }

    @Test
    void executivesDoNotCommentAndNeitherAnEmptyCommentNorAnIndicatorOutsideTheRoomIsKept() {
        assertThatThrownBy(() -> notes.comment(caller("dir", Role.EXECUTIVE), room, "C1", OCTOBER, "Texte"))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.FORBIDDEN));
        Caller manager = caller("gest", Role.MANAGER);
        assertThatThrownBy(() -> notes.comment(manager, room, "C1", OCTOBER, "   "))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.sentence().key()).isEqualTo("comments.empty"));
        assertThatThrownBy(() -> notes.comment(manager, room, "C1", OCTOBER, "x".repeat(CommentRepository.MAX_LENGTH + 1)))
                .isInstanceOf(Invalid.class);
        assertThatThrownBy(() -> notes.comment(manager, room, "R1", OCTOBER, "Texte"))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.sentence().key()).isEqualTo("room.indicator-outside"));
        assertThat(fx.jdbc.queryForObject("SELECT count(*) FROM indicator_comment", Integer.class)).isZero();
    }

    @Test
    void onlyAdminsSetACommitmentLevelBetweenZeroAndAHundredPercent() {
        assertThatThrownBy(() -> notes.setCommitment(caller("gest", Role.MANAGER), "C1", OCTOBER, 15.0)).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> notes.setCommitment(admin(), "C1", OCTOBER, 120.0))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.sentence().key()).isEqualTo("commitment.invalid"));
        notes.setCommitment(admin(), "C1", OCTOBER, 15.0);
        assertThat(notes.commitments().gapPercent("C1", OCTOBER)).isEqualTo(15.0);
        assertThat(notes.commitments().gapPercent("C1", OCTOBER.minusMonths(1))).isNotEqualTo(15.0);
        assertThat(fx.audit().getFirst()).isEqualTo("admin commitment-set indicator C1");
    }
}
