package org.pilotage.analytics.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pilotage.analytics.FeatureFixture.caller;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

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
import org.pilotage.analytics.dashboard.RoomDashboardService;
import org.pilotage.analytics.escalations.Escalation;
import org.pilotage.analytics.escalations.EscalationDraft;
import org.pilotage.analytics.escalations.EscalationService;
import org.pilotage.analytics.escalations.EscalationStatus;
import org.pilotage.analytics.escalations.Transition;
import org.pilotage.analytics.rooms.RoomService;
import org.pilotage.analytics.snapshot.SnapshotService;
import org.pilotage.analytics.store.DataVersion;
import org.pilotage.analytics.text.Invalid;
import org.pilotage.analytics.text.Refusal;
import org.springframework.transaction.support.TransactionTemplate;

/** Meetings without a browser: the agenda from a known board, timers on a test clock, attendance, decisions, the archive. */
class MeetingServiceTest {

    static final Caller MANAGER = caller("gest", Role.MANAGER, "E1");
    static final Caller EXECUTIVE = caller("dir", Role.EXECUTIVE, "E1");

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        Instant now = Instant.now();

        @Override
        public ZoneId getZone() {
            return ZoneId.of("America/Montreal");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    @TempDir
    Path dir;
    CascadeFixture cx;
    TestClock clock = new TestClock();
    MeetingService meetings;
    ActionService actions;
    EscalationService escalations;

    @BeforeEach
    void cascade() {
        cx = new CascadeFixture(dir);
        actions = cx.bean(ActionService.class);
        escalations = cx.bean(EscalationService.class);
        meetings = new MeetingService(cx.bean(MeetingRepository.class), cx.bean(RoomService.class), cx.bean(RoomDashboardService.class),
                actions, escalations, cx.bean(SnapshotService.class), cx.bean(AuditLog.class), cx.bean(TransactionTemplate.class), clock,
                cx.bean(DataVersion.class));
    }

    @AfterEach
    void close() {
        cx.close();
    }

    private static String key(Runnable r) {
        try {
            r.run();
        } catch (Invalid e) {
            return e.sentence().key();
        } catch (Refusal e) {
            return e.reason() + " " + e.sentence().key();
        }
        return "accepted";
    }

    @Test
    void theAgendaComesFromTheBoardRedIndicatorsThenActionsThenEscalationsEachWithItsShareOfTheTime() {
        LocalDate today = LocalDate.now(clock.withZone(MeetingService.ZONE)); // the meetings' days, whatever the hour in UTC
        long late = actions.add(MANAGER, cx.operational, new ActionDraft("Relancer les partenaires", "Lina", today.minusDays(2),
                ActionStatus.IN_PROGRESS, "C1"));
        long due = actions.add(MANAGER, cx.operational, new ActionDraft("Former l'équipe", "Marc", today.plusDays(3), ActionStatus.TODO, null));
        actions.add(MANAGER, cx.operational, new ActionDraft("Plus tard", "Marc", today.plusDays(60), ActionStatus.TODO, null));
        actions.add(MANAGER, cx.operational, new ActionDraft("Déjà fait", "Marc", today.minusDays(5), ActionStatus.DONE, null));
        Escalation sent = escalations.escalate(MANAGER, cx.operational, EscalationDraft.indicator("C1", cx.month, "Trop peu de projets",
                null, null));
        Escalation other = escalations.escalate(MANAGER, cx.operational, EscalationDraft.action(late, "Sans partenaires", null, null));
        escalations.move(MANAGER, sent.id(), Transition.to(EscalationStatus.ANSWERED, "Une ressource vous est prêtée"));
        meetings.setCadence(MANAGER, cx.operational.id(), new Cadence(Cadence.Frequency.WEEKLY, today, LocalTime.of(9, 0), 20));

        Meeting.Record r = meetings.start(MANAGER, cx.operational.id());

        assertThat(r.agenda()).extracting(Meeting.Item::kind, Meeting.Item::ref, Meeting.Item::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Meeting.ItemKind.INDICATOR, "C1", "RED"),
                org.assertj.core.groups.Tuple.tuple(Meeting.ItemKind.ACTION, Long.toString(late), "LATE"),
                org.assertj.core.groups.Tuple.tuple(Meeting.ItemKind.ACTION, Long.toString(due), "DUE"),
                org.assertj.core.groups.Tuple.tuple(Meeting.ItemKind.ANSWER, Long.toString(sent.id()), "ANSWERED"));
        assertThat(r.agenda().getFirst().detail()).isEqualTo("1 / 5");
        assertThat(r.agenda()).allMatch(i -> i.seconds() == 20 * 60 / 4);
        assertThat(r.meeting().period()).isEqualTo(cx.month);
        // the parent room's agenda holds what it received and has not answered
        Meeting.Record parent = meetings.start(MANAGER, cx.tactical.id());
        assertThat(parent.agenda()).filteredOn(i -> i.kind() == Meeting.ItemKind.ESCALATION).extracting(Meeting.Item::ref)
                .containsExactly(Long.toString(other.id()));
        assertThat(key(() -> meetings.start(MANAGER, cx.operational.id()))).isEqualTo("CONFLICT meeting.already-open");
    }

    @Test
    void theFacilitatorReordersDropsAndAddsItemsAndTheTimersRunOnTheClock() {
        Meeting.Record r = meetings.start(MANAGER, cx.operational.id()); // no cadence: 30 minutes
        Meeting.Item indicator = r.agenda().getFirst();
        r = meetings.add(MANAGER, r.meeting().id(), "Tour de table", null);
        r = meetings.add(MANAGER, r.meeting().id(), "Prochaine rencontre", null);
        assertThat(r.agenda()).hasSize(3).allMatch(i -> i.seconds() == 600);
        List<Long> ids = r.agenda().stream().map(Meeting.Item::id).toList();
        r = meetings.reorder(MANAGER, r.meeting().id(), List.of(ids.get(2), ids.get(0), ids.get(1)));
        assertThat(r.agenda()).extracting(Meeting.Item::title).containsExactly("Prochaine rencontre", indicator.title(), "Tour de table");
        r = meetings.drop(MANAGER, r.meeting().id(), ids.get(2));
        assertThat(r.agenda()).hasSize(2).allMatch(i -> i.seconds() == 900);
        long id = r.meeting().id();
        assertThat(key(() -> meetings.reorder(MANAGER, id, List.of(ids.get(0))))).isEqualTo("meeting.order-items");

        clock.advance(Duration.ofSeconds(45));
        Meeting.Clock c = meetings.clock(meetings.record(MANAGER, id));
        assertThat(c.position()).isZero();
        assertThat(c.itemSecondsLeft()).isEqualTo(900 - 45);
        assertThat(c.meetingSecondsLeft()).isEqualTo(1800 - 45);
        r = meetings.moveTo(MANAGER, id, 1);
        clock.advance(Duration.ofSeconds(1000));
        c = meetings.clock(r);
        assertThat(c.position()).isEqualTo(1);
        assertThat(c.itemSecondsLeft()).as("past its box").isEqualTo(900 - 1000);
        assertThat(c.meetingSecondsLeft()).isEqualTo(1800 - 1045);
        assertThat(key(() -> meetings.moveTo(MANAGER, id, 2))).isEqualTo("meeting.no-such-item");
        assertThat(key(() -> meetings.moveTo(EXECUTIVE, id, 0))).isEqualTo("FORBIDDEN access.forbidden");
    }

    @Test
    void attendanceRolesAndADecisionThatCreatesAnActionThenClosingArchivesTheWholeRecordAndNothingChangesAfter() throws Exception {
        long lina = meetings.addMember(MANAGER, cx.operational.id(), "Lina Fictive", "Cheffe de service");
        long marc = meetings.addMember(MANAGER, cx.operational.id(), "Marc Fictif", null);
        Meeting.Record r = meetings.start(MANAGER, cx.operational.id());
        long id = r.meeting().id();
        assertThat(r.attendance()).extracting(Meeting.Attendance::name, Meeting.Attendance::presence)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Lina Fictive", Presence.ABSENT),
                        org.assertj.core.groups.Tuple.tuple("Marc Fictif", Presence.ABSENT));
        meetings.attendance(MANAGER, id, lina, Presence.PRESENT);
        meetings.attendance(MANAGER, id, marc, Presence.EXCUSED);
        meetings.roles(MANAGER, id, new Meeting.Roles("Lina Fictive", "Lina Fictive", "Marc Fictif"));
        Meeting.Item item = r.agenda().getFirst();
        Meeting.Decision d = meetings.decide(MANAGER, id, item.id(), "Relancer les trois partenaires avant vendredi",
                new ActionDraft("Relancer les partenaires", "Lina Fictive", LocalDate.now(clock.withZone(MeetingService.ZONE)).plusDays(4), ActionStatus.TODO, "C1"), null, null);
        PriorityAction created = actions.forRoom(cx.operational).stream().filter(a -> a.id() == d.actionId()).findFirst().orElseThrow();
        assertThat(created.title()).isEqualTo("Relancer les partenaires");
        Meeting.Record other = meetings.start(MANAGER, cx.tactical.id());
        assertThat(key(() -> meetings.decide(MANAGER, other.meeting().id(), item.id(), "Ailleurs", null, null, null)))
                .as("a decision on an item of another meeting").isEqualTo("meeting.item-unknown");
        assertThat(key(() -> meetings.decide(MANAGER, id, item.id(), " ", null, null, null))).isEqualTo("meeting.decision-text");

        Meeting.Record closed = meetings.close(MANAGER, id);
        assertThat(closed.meeting().status()).isEqualTo(Meeting.Status.CLOSED);
        assertThat(meetings.history(MANAGER, cx.operational.id())).first().satisfies(s -> {
            assertThat(s.present()).isEqualTo(1);
            assertThat(s.members()).isEqualTo(2);
            assertThat(s.decisions()).isEqualTo(1);
        });
        // nothing of it changes any more, and nothing was written by the refusals
        assertThat(key(() -> meetings.close(MANAGER, id))).isEqualTo("CONFLICT meeting.closed");
        assertThat(key(() -> meetings.attendance(MANAGER, id, marc, Presence.PRESENT))).isEqualTo("CONFLICT meeting.closed");
        assertThat(key(() -> meetings.add(MANAGER, id, "Après coup", null))).isEqualTo("CONFLICT meeting.closed");
        assertThat(key(() -> meetings.decide(MANAGER, id, item.id(), "Après coup", null, null, null))).isEqualTo("CONFLICT meeting.closed");
        assertThat(meetings.record(MANAGER, id)).isEqualTo(closed);

        // the minutes, in both languages; downloads follow the snapshot policy and are audited
        assertThat(key(() -> meetings.download(MANAGER, id, MeetingService.ArchivedFile.MINUTES, Locale.CANADA_FRENCH)))
                .isEqualTo("FORBIDDEN access.download-forbidden");
        String fr = text(meetings.download(EXECUTIVE, id, MeetingService.ArchivedFile.MINUTES, Locale.CANADA_FRENCH));
        assertThat(fr).contains("Compte rendu de rencontre", "Opérationnelle D1", "Lina Fictive (Cheffe de service) — présent",
                "Marc Fictif — excusé", "Relancer les trois partenaires avant vendredi", "action prioritaire n° " + d.actionId());
        String en = text(meetings.download(EXECUTIVE, id, MeetingService.ArchivedFile.MINUTES, Locale.ENGLISH));
        assertThat(en).contains("Meeting minutes", "Attendance", "Marc Fictif — excused");
        assertThat(text(meetings.download(EXECUTIVE, id, MeetingService.ArchivedFile.BOARD_PDF, Locale.CANADA_FRENCH)))
                .contains("Opérationnelle D1");
        assertThat(cx.bean(AuditLog.class).recent(1).getFirst().action()).isEqualTo("download");
    }

    @Test
    void aDecisionOnALateActionChangesItAndRaisingAnEscalationLinksIt() {
        LocalDate today = LocalDate.now(clock.withZone(MeetingService.ZONE)); // the meetings' days, whatever the hour in UTC
        long late = actions.add(MANAGER, cx.operational, new ActionDraft("Relancer les partenaires", "Lina", today.minusDays(2),
                ActionStatus.IN_PROGRESS, null));
        Meeting.Record r = meetings.start(MANAGER, cx.operational.id());
        Meeting.Item action = r.agenda().stream().filter(i -> i.kind() == Meeting.ItemKind.ACTION).findFirst().orElseThrow();
        Meeting.Item indicator = r.agenda().getFirst();
        Meeting.Decision done = meetings.decide(MANAGER, r.meeting().id(), action.id(), "Fait : les trois partenaires ont répondu",
                new ActionDraft("Relancer les partenaires", "Lina", today.minusDays(2), ActionStatus.DONE, null), late, null);
        assertThat(done.actionId()).isEqualTo(late);
        assertThat(actions.forRoom(cx.operational)).filteredOn(a -> a.id() == late).singleElement()
                .satisfies(a -> assertThat(a.status()).isEqualTo(ActionStatus.DONE));
        Meeting.Decision up = meetings.decide(MANAGER, r.meeting().id(), indicator.id(), "Demander un appui à la salle tactique", null, null,
                EscalationDraft.indicator("C1", cx.month, "Demander un appui à la salle tactique", null, null));
        assertThat(escalations.sent(MANAGER, cx.operational)).extracting(Escalation::id).containsExactly(up.escalationId());
        assertThat(key(() -> meetings.decide(MANAGER, r.meeting().id(), action.id(), "Sans l'action", null, late, null)))
                .isEqualTo("meeting.decision-action");
    }

    @Test
    void aPastMeetingShowsTheBoardAsItWasAfterACorrectionFileAndTheArchiveCheckFindsAnAlteredOrRemovedRecord() {
        long first = meetings.start(MANAGER, cx.operational.id()).meeting().id();
        Meeting.Item item = meetings.record(MANAGER, first).agenda().getFirst();
        meetings.decide(MANAGER, first, item.id(), "Attendre le prochain mois", null, null, null);
        meetings.close(MANAGER, first);
        // a correction file: C1 of D1 becomes 6, green
        cx.fx.jdbc.update("UPDATE indicator_measure SET value = 6 WHERE indicator = 'C1' AND direction = 'D1'");
        cx.bean(DataVersion.class).changed();
        assertThat(meetings.boardAsItWas(MANAGER, first)).contains("\"indicator\":\"C1\"", "\"value\":1.0", "\"status\":\"BELOW_COMMITMENT\"");
        assertThat(meetings.boardToday(MANAGER, first)).contains("\"value\":6.0", "\"status\":\"ON_TARGET\"");
        // the next meeting is chained to the first
        cx.fx.jdbc.update("UPDATE indicator_measure SET value = 2 WHERE indicator = 'C1' AND direction = 'D1'");
        cx.bean(DataVersion.class).changed();
        Meeting.Record second = meetings.start(MANAGER, cx.operational.id());
        assertThat(second.agenda().getFirst().isNew()).as("red at the previous meeting too").isFalse();
        meetings.close(MANAGER, second.meeting().id());
        assertThat(meetings.verify(MANAGER, cx.operational.id())).isEqualTo(new MeetingArchive.Verification(true, 2, null, null));
        assertThat(cx.fx.jdbc.queryForObject("SELECT previous_hash = (SELECT chain_hash FROM meeting_archive WHERE meeting_id = ?) "
                + "FROM meeting_archive WHERE meeting_id = ?", Boolean.class, first, second.meeting().id())).isTrue();

        // someone edits a decision in the database
        cx.fx.jdbc.update("UPDATE meeting_decision SET text = 'Agir tout de suite' WHERE meeting_id = ?", first);
        MeetingArchive.Verification altered = meetings.verify(MANAGER, cx.operational.id());
        assertThat(altered.ok()).isFalse();
        assertThat(altered.firstBroken()).isEqualTo(first);
        cx.fx.jdbc.update("UPDATE meeting_decision SET text = 'Attendre le prochain mois' WHERE meeting_id = ?", first);
        assertThat(meetings.verify(MANAGER, cx.operational.id()).ok()).isTrue();
        // or a board stored in the archive
        cx.fx.jdbc.update("UPDATE meeting_archive SET board_json = replace(board_json, '2.0', '5.0') WHERE meeting_id = ?",
                second.meeting().id());
        assertThat(meetings.verify(MANAGER, cx.operational.id()).firstBroken()).isEqualTo(second.meeting().id());
        // or removes the first archived meeting
        cx.fx.jdbc.update("DELETE FROM meeting_archive WHERE meeting_id = ?", first);
        MeetingArchive.Verification removed = meetings.verify(MANAGER, cx.operational.id());
        assertThat(removed.ok()).isFalse();
        assertThat(removed.firstBroken()).isEqualTo(second.meeting().id());
    }

    @Test
    void theRitualIndicatorsCountMeetingsAgainstTheCadenceAttendanceActionsOnTimeAndAnswerTimes() {
        LocalDate today = LocalDate.now(clock.withZone(MeetingService.ZONE));
        meetings.setCadence(MANAGER, cx.operational.id(), new Cadence(Cadence.Frequency.WEEKLY, today.minusWeeks(2), LocalTime.of(9, 0), 15));
        long lina = meetings.addMember(MANAGER, cx.operational.id(), "Lina Fictive", null);
        meetings.addMember(MANAGER, cx.operational.id(), "Marc Fictif", null);
        long first = meetings.start(MANAGER, cx.operational.id()).meeting().id();
        meetings.attendance(MANAGER, first, lina, Presence.PRESENT);
        meetings.close(MANAGER, first);
        meetings.close(MANAGER, meetings.start(MANAGER, cx.operational.id()).meeting().id()); // nobody present
        long onTime = actions.add(MANAGER, cx.operational, new ActionDraft("À temps", "Lina", today, ActionStatus.TODO, null));
        actions.update(MANAGER, cx.operational, onTime, new ActionDraft("À temps", "Lina", today, ActionStatus.DONE, null));
        actions.add(MANAGER, cx.operational, new ActionDraft("En retard", "Marc", today.minusDays(3), ActionStatus.TODO, null));

        var r = meetings.ritual(MANAGER, cx.operational.id());
        assertThat(r.held()).isEqualTo(2);
        assertThat(r.expected()).as("the cadence's days: two weeks ago, a week ago and today").isEqualTo(3);
        assertThat(r.attendance()).isEqualTo(0.25);
        assertThat(r.actionsOnTime()).isEqualTo(0.5);
        assertThat(r.medianAnswerDays()).isNull();
    }

    @Test
    void aMeetingCutByAStopOfTheServiceIsStillOpenWithEverythingRecordedUntilThen() {
        long lina = meetings.addMember(MANAGER, cx.operational.id(), "Lina Fictive", null);
        Meeting.Record r = meetings.start(MANAGER, cx.operational.id());
        long id = r.meeting().id();
        meetings.attendance(MANAGER, id, lina, Presence.PRESENT);
        meetings.decide(MANAGER, id, r.agenda().getFirst().id(), "Revoir la cible", null, null, null);
        meetings.moveTo(MANAGER, id, 0);
        cx.close(); // the service stops in the middle of the meeting
        try (var again = org.pilotage.analytics.FeatureFixture.reopen(dir)) {
            MeetingService restarted = again.getBean(MeetingService.class);
            Meeting.Record after = restarted.record(MANAGER, id);
            assertThat(after.meeting().status()).isEqualTo(Meeting.Status.OPEN);
            assertThat(after.attendance()).extracting(Meeting.Attendance::presence).containsExactly(Presence.PRESENT);
            assertThat(after.decisions()).extracting(Meeting.Decision::text).containsExactly("Revoir la cible");
            assertThat(restarted.close(MANAGER, id).meeting().status()).isEqualTo(Meeting.Status.CLOSED);
            assertThat(restarted.verify(MANAGER, cx.operational.id()).ok()).isTrue();
        }
    }

    @Test
    void aCadenceGivesTheNextMeetingAndBadCadencesAreRefused() {
        LocalDate tuesday = LocalDate.of(2026, 12, 8); // the 2nd Tuesday of December
        Cadence monthly = new Cadence(Cadence.Frequency.MONTHLY, tuesday, LocalTime.of(9, 30), 30);
        assertThat(monthly.nextOnOrAfter(LocalDate.of(2026, 12, 9))).isEqualTo(LocalDate.of(2027, 1, 12));
        Cadence biweekly = new Cadence(Cadence.Frequency.BIWEEKLY, tuesday, LocalTime.of(9, 30), 30);
        assertThat(biweekly.nextOnOrAfter(LocalDate.of(2026, 12, 9))).isEqualTo(LocalDate.of(2026, 12, 22));
        assertThat(biweekly.countBetween(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 2, 28))).isEqualTo(6);
        meetings.setCadence(MANAGER, cx.operational.id(), new Cadence(Cadence.Frequency.WEEKLY, tuesday, LocalTime.of(9, 30), 15));
        clock.now = Instant.parse("2026-12-02T14:00:00Z"); // Wednesday 2 December 2026, 9:00 in Montréal
        assertThat(meetings.nextMeeting(cx.operational)).contains(LocalDate.of(2026, 12, 8).atTime(9, 30));
        assertThat(key(() -> meetings.setCadence(MANAGER, cx.operational.id(),
                new Cadence(Cadence.Frequency.WEEKLY, tuesday, LocalTime.of(9, 30), 500)))).isEqualTo("meeting.cadence-length");
        assertThat(key(() -> meetings.setCadence(EXECUTIVE, cx.operational.id(),
                new Cadence(Cadence.Frequency.WEEKLY, tuesday, LocalTime.of(9, 30), 15)))).isEqualTo("FORBIDDEN access.forbidden");
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
