package org.pilotage.analytics.escalations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pilotage.analytics.FeatureFixture.caller;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pilotage.analytics.CascadeFixture;
import org.pilotage.analytics.access.Caller;
import org.pilotage.analytics.access.Role;
import org.pilotage.analytics.actions.ActionRepository.ActionDraft;
import org.pilotage.analytics.actions.ActionService;
import org.pilotage.analytics.actions.ActionStatus;
import org.pilotage.analytics.actions.PriorityAction;
import org.pilotage.analytics.audit.AuditLog;
import org.pilotage.analytics.rooms.ReportingPeriod;
import org.pilotage.analytics.rooms.RoomFilters;
import org.pilotage.analytics.snapshot.SnapshotService;
import org.pilotage.analytics.text.Invalid;
import org.pilotage.analytics.text.Refusal;

/** Escalation without a browser: what may be sent up, every transition allowed and refused, the answer coming back down. */
class EscalationServiceTest {

    static final Caller MANAGER = caller("gest", Role.MANAGER, "E1");

    @TempDir
    Path dir;
    CascadeFixture cx;
    EscalationService escalations;
    ActionService actions;

    @BeforeEach
    void cascade() {
        cx = new CascadeFixture(dir);
        escalations = cx.bean(EscalationService.class);
        actions = cx.bean(ActionService.class);
    }

    @AfterEach
    void close() {
        cx.close();
    }

    private Escalation redIndicator() {
        return escalations.escalate(MANAGER, cx.operational, EscalationDraft.indicator("C1", cx.month, "Trop peu de projets",
                "Un appui de la coordination", null));
    }

    @Test
    void aRedIndicatorGoesToTheParentRoomWithItsFiguresAndADefaultAnswerDate() {
        Escalation e = redIndicator();
        assertThat(e.fromRoom()).isEqualTo(cx.operational.id());
        assertThat(e.toRoom()).isEqualTo(cx.tactical.id());
        assertThat(e.status()).isEqualTo(EscalationStatus.OPEN);
        assertThat(e.figures()).isEqualTo(new Escalation.Figures(1.0, 5.0, "below-commitment"));
        assertThat(e.answerBy()).isEqualTo(escalations.today().plusDays(EscalationService.DEFAULT_DAYS));
        assertThat(escalations.received(MANAGER, cx.tactical)).extracting(Escalation::id).containsExactly(e.id());
        assertThat(escalations.sent(MANAGER, cx.operational)).extracting(Escalation::id).containsExactly(e.id());
        assertThat(escalations.thread(MANAGER, e.id())).extracting(EscalationEvent::by, EscalationEvent::from, EscalationEvent::to)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("gest", null, EscalationStatus.OPEN));
        assertThat(cx.bean(AuditLog.class).recent(1).getFirst().action()).isEqualTo("escalation-sent");
    }

    @Test
    void whatMayNotBeSentUpIsRefusedWithOneSentenceAndNothingWritten() {
        assertThat(key(() -> escalations.escalate(MANAGER, cx.operational, EscalationDraft.indicator("R1", cx.month, "Motif", null, null))))
                .as("green").isEqualTo("escalation.not-red-or-amber");
        assertThat(key(() -> escalations.escalate(MANAGER, cx.operational, EscalationDraft.indicator("C1", cx.month, " ", null, null))))
                .isEqualTo("escalation.reason-required");
        assertThat(key(() -> escalations.escalate(MANAGER, cx.operational, EscalationDraft.indicator("C9", cx.month, "Motif", null, null))))
                .isEqualTo("room.indicator-outside");
        assertThat(key(() -> escalations.escalate(MANAGER, cx.operational, new EscalationDraft("C1", cx.month, null, "Motif", null, null,
                cx.strategic.id())))).isEqualTo("escalation.not-parent");
        assertThat(key(() -> escalations.escalate(MANAGER, cx.strategic, EscalationDraft.indicator("C1", cx.month, "Motif", null, null))))
                .isEqualTo("escalation.no-parent");
        assertThat(key(() -> escalations.escalate(MANAGER, cx.operational, EscalationDraft.indicator("C1", cx.month, "Motif", null,
                LocalDate.now().minusDays(2))))).isEqualTo("escalation.answer-by-past");
        assertThat(key(() -> escalations.escalate(MANAGER, cx.operational, new EscalationDraft("C1", cx.month, 1L, "Motif", null, null, null))))
                .isEqualTo("escalation.subject");
        assertThat(key(() -> escalations.escalate(caller("dir", Role.EXECUTIVE), cx.operational,
                EscalationDraft.indicator("C1", cx.month, "Motif", null, null)))).isEqualTo("access.forbidden");
        long done = actions.add(MANAGER, cx.operational, new ActionDraft("Fait", "Moi", cx.month.atEndOfMonth(), ActionStatus.DONE, null));
        assertThat(key(() -> escalations.escalate(MANAGER, cx.operational, EscalationDraft.action(done, "Motif", null, null))))
                .isEqualTo("escalation.action-done");
        long elsewhere = actions.add(MANAGER, cx.tactical, new ActionDraft("Ailleurs", "Moi", cx.month.atEndOfMonth(), ActionStatus.TODO, null));
        assertThat(key(() -> escalations.escalate(MANAGER, cx.operational, EscalationDraft.action(elsewhere, "Motif", null, null))))
                .isEqualTo("escalation.action-unknown");
        assertThat(escalations.sent(MANAGER, cx.operational)).isEmpty();

        redIndicator();
        assertThatThrownBy(this::redIndicator).as("twice for the same open item")
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.reason()).isEqualTo(Refusal.Reason.CONFLICT);
                    assertThat(r.sentence().key()).isEqualTo("escalation.duplicate");
                });
        assertThat(escalations.sent(MANAGER, cx.operational)).hasSize(1);
    }

    @Test
    void everyTransitionIsAllowedOrRefusedAsTheStatusSays() {
        for (EscalationStatus from : EscalationStatus.values()) {
            for (EscalationStatus to : EscalationStatus.values()) {
                Escalation e = inStatus(from);
                if (from.mayMoveTo(to)) {
                    Escalation moved = escalations.move(MANAGER, e.id(), new Transition(to, "Texte de " + to, null, null, null, null));
                    assertThat(moved.status()).as(from + " → " + to).isEqualTo(to);
                    assertThat(escalations.thread(MANAGER, e.id()).getLast().to()).isEqualTo(to);
                } else {
                    assertThatThrownBy(() -> escalations.move(MANAGER, e.id(), Transition.to(to, "Texte")))
                            .as(from + " → " + to)
                            .isInstanceOfSatisfying(Refusal.class, r -> {
                                assertThat(r.reason()).isEqualTo(Refusal.Reason.CONFLICT);
                                assertThat(r.sentence().key()).isEqualTo("escalation.transition-refused");
                            });
                }
                close(e);
            }
        }
    }

    /** A fresh escalation of an action of the operational room, moved into {@code status}. */
    private Escalation inStatus(EscalationStatus status) {
        long action = actions.add(MANAGER, cx.operational, new ActionDraft("Action " + System.nanoTime(), "Moi",
                cx.month.plusMonths(2).atEndOfMonth(), ActionStatus.TODO, null));
        Escalation e = escalations.escalate(MANAGER, cx.operational, EscalationDraft.action(action, "Bloquée", null, null));
        List<EscalationStatus> path = switch (status) {
            case OPEN -> List.of();
            case TAKEN_IN_CHARGE -> List.of(EscalationStatus.TAKEN_IN_CHARGE);
            case ANSWERED -> List.of(EscalationStatus.ANSWERED);
            case RETURNED -> List.of(EscalationStatus.RETURNED);
            case ESCALATED -> List.of(EscalationStatus.ESCALATED);
            case CLOSED -> List.of(EscalationStatus.CLOSED);
        };
        for (EscalationStatus to : path) {
            e = escalations.move(MANAGER, e.id(), Transition.to(to, "Vers " + to));
        }
        return e;
    }

    /** Closes an escalation and what it carried up, so that the next one of the same kind is not a duplicate. */
    private void close(Escalation e) {
        Escalation now = escalations.require(MANAGER, e.id());
        if (now.escalatedAs() != null) {
            Escalation up = escalations.require(MANAGER, now.escalatedAs());
            if (up.status().mayMoveTo(EscalationStatus.CLOSED)) {
                escalations.move(MANAGER, up.id(), Transition.to(EscalationStatus.CLOSED, null));
            }
        }
        if (now.status().mayMoveTo(EscalationStatus.CLOSED)) {
            escalations.move(MANAGER, now.id(), Transition.to(EscalationStatus.CLOSED, null));
        }
    }

    @Test
    void anAnswerOrAReturnNeedsWordsAndAnExecutiveMovesNothing() {
        Escalation e = redIndicator();
        assertThat(key(() -> escalations.move(MANAGER, e.id(), Transition.to(EscalationStatus.ANSWERED, " ")))).isEqualTo("escalation.text-required");
        assertThat(key(() -> escalations.move(MANAGER, e.id(), Transition.to(EscalationStatus.RETURNED, null)))).isEqualTo("escalation.text-required");
        assertThat(key(() -> escalations.move(caller("dir", Role.EXECUTIVE), e.id(), Transition.to(EscalationStatus.ANSWERED, "Oui"))))
                .isEqualTo("access.forbidden");
        assertThat(escalations.require(MANAGER, e.id()).status()).isEqualTo(EscalationStatus.OPEN);
    }

    @Test
    void takingInChargeCreatesAPriorityActionOfTheParentRoomOrLinksOne() {
        Escalation e = redIndicator();
        Escalation taken = escalations.move(MANAGER, e.id(), new Transition(EscalationStatus.TAKEN_IN_CHARGE, "On s'en occupe", null, null,
                "Coordination qualité", null));
        PriorityAction action = actions.forRoom(cx.tactical).stream().filter(a -> a.id() == taken.takenActionId()).findFirst().orElseThrow();
        assertThat(action.title()).isEqualTo("Un appui de la coordination");
        assertThat(action.owner()).isEqualTo("Coordination qualité");
        assertThat(action.dueDate()).isEqualTo(e.answerBy());
        assertThat(action.indicator()).isEqualTo("C1");

        long own = actions.add(MANAGER, cx.tactical, new ActionDraft("Déjà prévue", "Moi", cx.month.plusMonths(1).atEndOfMonth(),
                ActionStatus.TODO, null));
        long other = actions.add(MANAGER, cx.operational, new ActionDraft("Autre", "Moi", cx.month.plusMonths(1).atEndOfMonth(),
                ActionStatus.TODO, null));
        Escalation second = escalations.escalate(MANAGER, cx.operational, EscalationDraft.action(other, "Bloquée", null, null));
        assertThat(key(() -> escalations.move(MANAGER, second.id(), new Transition(EscalationStatus.TAKEN_IN_CHARGE, null, other, null, null,
                null)))).as("an action of the child room").isEqualTo("escalation.action-not-in-room");
        assertThat(escalations.move(MANAGER, second.id(), new Transition(EscalationStatus.TAKEN_IN_CHARGE, null, own, null, null, null))
                .takenActionId()).isEqualTo(own);
    }

    @Test
    void anEscalationCarriedFurtherUpKeepsTheChainAndItsAnswerComesBackDown() {
        Escalation e = redIndicator();
        Escalation carried = escalations.move(MANAGER, e.id(), Transition.to(EscalationStatus.ESCALATED, "Relève de la direction"));
        Escalation up = escalations.require(MANAGER, carried.escalatedAs());
        assertThat(up.fromRoom()).isEqualTo(cx.tactical.id());
        assertThat(up.toRoom()).isEqualTo(cx.strategic.id());
        assertThat(up.originId()).isEqualTo(e.id());
        assertThat(up.reason()).isEqualTo("Relève de la direction");
        assertThat(up.indicator()).isEqualTo("C1");

        escalations.move(MANAGER, up.id(), Transition.to(EscalationStatus.ANSWERED, "Décision : deux postes de plus"));
        Escalation down = escalations.require(MANAGER, e.id());
        assertThat(down.status()).isEqualTo(EscalationStatus.ANSWERED);
        assertThat(down.answer()).isEqualTo("Décision : deux postes de plus");
        assertThat(escalations.move(MANAGER, e.id(), Transition.to(EscalationStatus.CLOSED, "Merci")).status())
                .isEqualTo(EscalationStatus.CLOSED);
        assertThat(escalations.thread(MANAGER, e.id())).extracting(EscalationEvent::to).containsExactly(EscalationStatus.OPEN,
                EscalationStatus.ESCALATED, EscalationStatus.ANSWERED, EscalationStatus.CLOSED);
    }

    @Test
    void theRoomReportListsTheChildRoomsStatusAndTheEscalationsReceivedAndSentThatAreNotClosed() throws Exception {
        redIndicator();
        long action = actions.add(MANAGER, cx.operational, new ActionDraft("Obtenir une salle le jeudi", "Moi",
                cx.month.plusMonths(1).atEndOfMonth(), ActionStatus.TODO, null));
        Escalation closed = escalations.escalate(MANAGER, cx.operational, EscalationDraft.action(action, "Aucune salle libre", null, null));
        escalations.move(MANAGER, closed.id(), Transition.to(EscalationStatus.CLOSED, "Trouvée"));
        SnapshotService snapshots = cx.bean(SnapshotService.class);
        RoomFilters filters = new RoomFilters(ReportingPeriod.month(cx.month));
        try (PDDocument doc = Loader.loadPDF(snapshots.report(cx.tactical, filters, Locale.CANADA_FRENCH, "executive").bytes())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Cascade et escalades", "Salles sous celle-ci", "Opérationnelle D1 opérationnel 1 0 1 0 1",
                    "Escalades reçues, non fermées", "Trop peu de projets — Un appui de la coordination", "Escalades envoyées, non fermées")
                    .doesNotContain("Aucune salle libre");
        }
        try (PDDocument doc = Loader.loadPDF(snapshots.report(cx.operational, filters, Locale.CANADA, "executive").bytes())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Escalations sent, not closed", "Trop peu de projets").doesNotContain("Aucune salle libre");
        }
    }

    @Test
    void anActionCarriedFurtherUpIsStillNamedByItsTitleInEveryRoom() {
        long action = actions.add(MANAGER, cx.operational, new ActionDraft("Obtenir un poste temporaire", "Moi",
                cx.month.plusMonths(1).atEndOfMonth(), ActionStatus.IN_PROGRESS, null));
        Escalation e = escalations.escalate(MANAGER, cx.operational, EscalationDraft.action(action, "Pas de remplaçante", null, null));
        Escalation up = escalations.require(MANAGER,
                escalations.move(MANAGER, e.id(), Transition.to(EscalationStatus.ESCALATED, "Relève de la direction")).escalatedAs());
        assertThat(up.fromRoom()).isEqualTo(cx.tactical.id());
        assertThat(escalations.actionTitle(e)).hasValue("Obtenir un poste temporaire");
        assertThat(escalations.actionTitle(up)).hasValue("Obtenir un poste temporaire");
        assertThat(escalations.actionTitle(redIndicator())).isEmpty();
    }

    @Test
    void ofTwoAnswersAtOnceOneWinsAndTheOtherIsToldTheStatusItFound() throws Exception {
        Escalation e = redIndicator();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        for (String who : List.of("gest-a", "gest-b")) {
            answers.add(pool.submit(() -> {
                start.await();
                try {
                    escalations.move(new Caller(who, EnumSet.of(Role.MANAGER), Set.of(), null), e.id(),
                            Transition.to(EscalationStatus.ANSWERED, "Réponse de " + who));
                    return "won";
                } catch (Refusal r) {
                    return r.reason() + " " + r.sentence().key() + " " + r.sentence().args();
                }
            }));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : answers) {
            outcomes.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(outcomes).filteredOn("won"::equals).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.equals("won")).singleElement().asString()
                .startsWith("CONFLICT escalation.transition-refused").contains("escalation.status.ANSWERED");
        assertThat(escalations.thread(MANAGER, e.id())).hasSize(2);
    }

    @Test
    void aManagerOfAnotherEstablishmentSeesNoneOfIt() {
        Escalation e = redIndicator();
        Caller other = caller("gest-e2", Role.MANAGER, "E2");
        assertThatThrownBy(() -> escalations.require(other, e.id()))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.NOT_FOUND));
        assertThatThrownBy(() -> escalations.received(other, cx.tactical)).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> escalations.move(other, e.id(), Transition.to(EscalationStatus.ANSWERED, "Oui")))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reason()).isEqualTo(Refusal.Reason.NOT_FOUND));
    }

    private static String key(Runnable call) {
        try {
            call.run();
            return "accepted";
        } catch (Invalid e) {
            return e.sentence().key();
        } catch (Refusal e) {
            return e.sentence().key();
        }
    }
}
