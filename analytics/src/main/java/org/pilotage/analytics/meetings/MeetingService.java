package org.pilotage.analytics.meetings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;

import org.pilotage.analytics.access.Caller;
import org.pilotage.analytics.access.Role;
import org.pilotage.analytics.actions.ActionRepository.ActionDraft;
import org.pilotage.analytics.actions.ActionService;
import org.pilotage.analytics.actions.ActionStatus;
import org.pilotage.analytics.actions.PriorityAction;
import org.pilotage.analytics.audit.AuditLog;
import org.pilotage.analytics.dashboard.IndicatorTile;
import org.pilotage.analytics.dashboard.RoomDashboard;
import org.pilotage.analytics.dashboard.RoomDashboardService;
import org.pilotage.analytics.escalations.Escalation;
import org.pilotage.analytics.escalations.EscalationDraft;
import org.pilotage.analytics.escalations.EscalationService;
import org.pilotage.analytics.escalations.EscalationStatus;
import org.pilotage.analytics.rooms.ReportingPeriod;
import org.pilotage.analytics.rooms.RitualFigures;
import org.pilotage.analytics.rooms.RoomFilters;
import org.pilotage.analytics.rooms.RoomService;
import org.pilotage.analytics.rooms.SteeringRoom;
import org.pilotage.analytics.snapshot.SnapshotService;
import org.pilotage.analytics.status.Status;
import org.pilotage.analytics.store.DataVersion;
import org.pilotage.analytics.text.Invalid;
import org.pilotage.analytics.text.Refusal;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Steering-room meetings: a room's cadence and members; a meeting started from the board (its agenda built from the
 * indicators out of target, the late actions and the escalations), run item by item with a time box each, with its
 * attendance, roles of the day and decisions (which may create or change a priority action or raise an escalation);
 * closed once, archived whole in the transaction that closes it (see {@link MeetingArchive}). Managers and admins of
 * the room run meetings; whoever sees the room reads them; downloads of the archive follow the snapshot policy and
 * are audited. Every change is checked, written and audited here; a closed meeting refuses every change.
 */
public class MeetingService {

    private static final Role[] RUN = {Role.MANAGER, Role.ADMIN};
    /** The network's time: a cadence's day and hour are Québec's. */
    static final java.time.ZoneId ZONE = org.pilotage.analytics.text.NetworkTime.ZONE;
    static final int MAX_TEXT = 2000;
    static final int MIN_ITEM_SECONDS = 30;

    private final MeetingRepository meetings;
    private final RoomService rooms;
    private final RoomDashboardService dashboards;
    private final ActionService actions;
    private final EscalationService escalations;
    private final SnapshotService snapshots;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final DataVersion version;
    /** Told the id of a meeting that changed (the item on screen, its agenda, its end): wall screens follow through it. */
    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();
    /** Checks and writes of meetings, one at a time. */
    private final Object lock = new Object();

    public MeetingService(MeetingRepository meetings, RoomService rooms, RoomDashboardService dashboards, ActionService actions,
                          EscalationService escalations, SnapshotService snapshots, AuditLog audit, TransactionTemplate transactions,
                          Clock clock, DataVersion version) {
        this.version = version;
        this.meetings = meetings;
        this.rooms = rooms;
        this.dashboards = dashboards;
        this.actions = actions;
        this.escalations = escalations;
        this.snapshots = snapshots;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    public static boolean mayRun(Caller caller) {
        return caller.hasAny(RUN);
    }

    /** Follows every change of every meeting; answers what stops following. */
    public Runnable onChange(LongConsumer listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    // The room's cadence and members

    public Optional<Cadence> cadence(Caller caller, long roomId) {
        return meetings.cadence(room(caller, roomId).id());
    }

    public void setCadence(Caller caller, long roomId, Cadence cadence) {
        caller.requireAny(RUN);
        SteeringRoom room = room(caller, roomId);
        if (cadence == null || cadence.frequency() == null || cadence.firstDate() == null || cadence.startTime() == null) {
            throw new Invalid("meeting.cadence-incomplete");
        }
        if (cadence.minutes() < 5 || cadence.minutes() > 240) {
            throw new Invalid("meeting.cadence-length", 5, 240);
        }
        meetings.saveCadence(room.id(), cadence, caller.username());
        audit.record(caller, "meeting-cadence", "room " + room.id(), cadence.frequency() + " " + cadence.firstDate() + " "
                + cadence.startTime() + " " + cadence.minutes() + " min");
    }

    /** The room's next meeting by its cadence (from now, on the network's time), if it has one. */
    public Optional<LocalDateTime> nextMeeting(SteeringRoom room) {
        return meetings.cadence(room.id()).map(c -> c.nextAt(LocalDateTime.now(clock.withZone(ZONE))));
    }

    public List<Member> members(Caller caller, long roomId) {
        return meetings.members(room(caller, roomId).id());
    }

    public long addMember(Caller caller, long roomId, String name, String role) {
        caller.requireAny(RUN);
        SteeringRoom room = room(caller, roomId);
        if (name == null || name.isBlank() || name.strip().length() > 120 || (role != null && role.strip().length() > 120)) {
            throw new Invalid("meeting.member-name", 120);
        }
        long id = meetings.addMember(room.id(), name.strip(), role == null || role.isBlank() ? null : role.strip());
        audit.record(caller, "meeting-member-added", "room " + room.id(), name.strip());
        return id;
    }

    public void removeMember(Caller caller, long roomId, long memberId) {
        caller.requireAny(RUN);
        SteeringRoom room = room(caller, roomId);
        if (!meetings.removeMember(room.id(), memberId)) {
            throw new Refusal(Refusal.Reason.NOT_FOUND, "meeting.member-unknown", memberId);
        }
        audit.record(caller, "meeting-member-removed", "room " + room.id(), "member " + memberId);
    }

    /** The room's ritual indicators over the last three months (see {@link RitualFigures}). */
    public RitualFigures ritual(Caller caller, long roomId) {
        return ritual(room(caller, roomId));
    }

    /** The same, for a room already checked (its report prints them). */
    public RitualFigures ritual(SteeringRoom room) {
        LocalDate to = LocalDate.now(clock.withZone(ZONE));
        LocalDate from = to.minusMonths(3);
        Integer expected = meetings.cadence(room.id())
                .map(c -> c.countBetween(c.firstDate().isAfter(from) ? c.firstDate() : from, to)).orElse(null);
        return meetings.ritual(room.id(), from, to, expected);
    }

    // Reading

    public List<Meeting.Summary> history(Caller caller, long roomId) {
        return meetings.forRoom(room(caller, roomId).id());
    }

    public Optional<Long> openMeeting(Caller caller, long roomId) {
        return meetings.openFor(room(caller, roomId).id());
    }

    /** A meeting whole, for whoever sees its room. */
    public Meeting.Record record(Caller caller, long meetingId) {
        Meeting.Record r = meetings.record(meetingId).orElseThrow(() -> unknown(meetingId));
        room(caller, r.meeting().roomId()); // not seen: unknown
        return r;
    }

    /** The item on screen and the time left of its box and of the whole meeting, by the clock. */
    public Meeting.Clock clock(Meeting.Record r) {
        Meeting m = r.meeting();
        Instant now = m.open() ? clock.instant() : m.closedAt();
        List<Meeting.Item> agenda = r.agenda();
        int position = Math.min(m.currentPosition(), Math.max(0, agenda.size() - 1));
        long itemBox = agenda.isEmpty() ? 0 : agenda.get(position).seconds();
        long itemElapsed = m.itemStartedAt() == null ? 0 : Duration.between(m.itemStartedAt(), now).toSeconds();
        long meetingElapsed = Duration.between(m.startedAt(), now).toSeconds();
        return new Meeting.Clock(position, itemBox - itemElapsed, m.plannedMinutes() * 60L - meetingElapsed);
    }

    /** The board as it was archived when the meeting closed: its tiles, values, targets and statuses. */
    public String boardAsItWas(Caller caller, long meetingId) {
        record(caller, meetingId);
        return new String(meetings.archived(meetingId, "board_json").orElseThrow(() -> notArchived(meetingId)),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Today's values of the board a meeting saw (the same month and room), to set beside the board as it was. */
    public String boardToday(Caller caller, long meetingId) {
        Meeting m = record(caller, meetingId).meeting();
        SteeringRoom room = room(caller, m.roomId());
        return MeetingArchive.boardJson(dashboards.dashboard(room, new RoomFilters(ReportingPeriod.month(m.period()))),
                m.period().toString());
    }

    // Starting

    /** Starts a meeting of the room, its agenda built from the board; refused while another is open. */
    public Meeting.Record start(Caller caller, long roomId) {
        caller.requireAny(RUN);
        SteeringRoom room = room(caller, roomId);
        int minutes = meetings.cadence(room.id()).map(Cadence::minutes).orElse(30);
        YearMonth period = rooms.lastCompleteMonth();
        List<Draft> agenda = agenda(room, period);
        Instant at = now();
        long id;
        synchronized (lock) {
            meetings.openFor(room.id()).ifPresent(open -> {
                throw new Refusal(Refusal.Reason.CONFLICT, "meeting.already-open", open);
            });
            id = transactions.execute(tx -> {
                long created = meetings.insert(room.id(), period, minutes, at, caller.username());
                int seconds = seconds(minutes, agenda.size());
                int position = 0;
                for (Draft d : agenda) {
                    meetings.insertItem(created, position++, d.kind(), d.ref(), d.title(), d.detail(), d.status(), d.isNew(), seconds);
                }
                for (Member member : meetings.members(room.id())) {
                    meetings.saveAttendance(created, member, Presence.ABSENT);
                }
                return created;
            });
        }
        audit.record(caller, "meeting-started", "meeting " + id, "room " + room.id() + " · " + agenda.size() + " items");
        changed(id);
        return meetings.record(id).orElseThrow();
    }

    /** An item the agenda starts with. */
    record Draft(Meeting.ItemKind kind, String ref, String title, String detail, String status, boolean isNew) {
    }

    /**
     * The agenda from the board of {@code period}: red then amber indicators (those out of target now and not at the
     * room's previous meeting first), late actions and those due before the next meeting, escalations received waiting for
     * an answer, and answers received from above.
     */
    List<Draft> agenda(SteeringRoom room, YearMonth period) {
        RoomDashboard board = dashboards.dashboard(room, new RoomFilters(ReportingPeriod.month(period)));
        Map<String, String> before = meetings.lastArchive(room.id()).map(l -> MeetingArchive.statuses(l.boardJson())).orElse(Map.of());
        List<Draft> out = new ArrayList<>();
        for (Status status : List.of(Status.BELOW_COMMITMENT, Status.COMMITMENT_MET)) {
            List<Draft> fresh = new ArrayList<>();
            List<Draft> known = new ArrayList<>();
            for (IndicatorTile t : board.allTiles()) {
                if (t.status() != status) {
                    continue;
                }
                String was = before.get(t.indicator().code());
                boolean isNew = !before.isEmpty() && !Status.BELOW_COMMITMENT.name().equals(was) && !Status.COMMITMENT_MET.name().equals(was);
                Draft d = new Draft(Meeting.ItemKind.INDICATOR, t.indicator().code(), t.indicator().labelFr(), figures(t),
                        status == Status.BELOW_COMMITMENT ? "RED" : "AMBER", isNew);
                (isNew ? fresh : known).add(d);
            }
            out.addAll(fresh);
            out.addAll(known);
        }
        LocalDate today = LocalDate.now(clock.withZone(ZONE)); // the cadence's days are the network's
        LocalDate next = meetings.cadence(room.id()).map(c -> c.nextOnOrAfter(today.plusDays(1))).orElse(today.plusDays(7));
        List<PriorityAction> list = actions.forRoom(room);
        for (PriorityAction a : list) {
            if (a.late()) {
                out.add(new Draft(Meeting.ItemKind.ACTION, Long.toString(a.id()), a.title(), a.owner() + " · " + a.dueDate(), "LATE", false));
            }
        }
        for (PriorityAction a : list) {
            if (!a.late() && a.status() != ActionStatus.DONE && a.dueDate() != null && !a.dueDate().isAfter(next)) {
                out.add(new Draft(Meeting.ItemKind.ACTION, Long.toString(a.id()), a.title(), a.owner() + " · " + a.dueDate(), "DUE", false));
            }
        }
        for (Escalation e : escalations.unclosed(room, true)) {
            if (e.status() == EscalationStatus.OPEN || e.status() == EscalationStatus.TAKEN_IN_CHARGE) {
                out.add(new Draft(Meeting.ItemKind.ESCALATION, Long.toString(e.id()), subject(e), e.reason(), e.status().name(), false));
            }
        }
        for (Escalation e : escalations.unclosed(room, false)) {
            if (e.status() == EscalationStatus.ANSWERED || e.status() == EscalationStatus.RETURNED) {
                out.add(new Draft(Meeting.ItemKind.ANSWER, Long.toString(e.id()), subject(e), e.answer(), e.status().name(), false));
            }
        }
        return out;
    }

    private String subject(Escalation e) {
        if (e.indicator() != null) {
            return e.indicator() + " " + e.period();
        }
        return escalations.actionTitle(e).orElse("action " + e.actionId());
    }

    private static String figures(IndicatorTile t) {
        return (t.value() == null ? "—" : number(t.value())) + " / " + (t.target() == null ? "—" : number(t.target()));
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    /** Each item's time box: the planned length shared among the items, never under half a minute. */
    static int seconds(int minutes, int items) {
        return items == 0 ? minutes * 60 : Math.max(MIN_ITEM_SECONDS, minutes * 60 / items);
    }

    // Running: every change of an open meeting

    /** Puts the agenda in the given order of its items' ids (each of its kept items once). */
    public Meeting.Record reorder(Caller caller, long meetingId, List<Long> itemIds) {
        return change(caller, meetingId, "meeting-agenda", "reordered", r -> {
            List<Meeting.Item> kept = r.agenda();
            Set<Long> given = new HashSet<>(itemIds);
            if (given.size() != itemIds.size() || given.size() != kept.size()
                    || !kept.stream().allMatch(i -> given.contains(i.id()))) {
                throw new Invalid("meeting.order-items");
            }
            int position = 0;
            for (long id : itemIds) {
                Meeting.Item i = kept.stream().filter(k -> k.id() == id).findFirst().orElseThrow();
                meetings.updateItem(meetingId, new Meeting.Item(i.id(), i.meetingId(), position++, i.kind(), i.ref(), i.title(), i.detail(),
                        i.status(), i.isNew(), i.seconds(), false));
            }
        });
    }

    /** Drops an item from the agenda; the others share its time. */
    public Meeting.Record drop(Caller caller, long meetingId, long itemId) {
        return change(caller, meetingId, "meeting-agenda", "dropped item " + itemId, r -> {
            Meeting.Item item = item(r, itemId);
            List<Meeting.Item> kept = r.agenda().stream().filter(i -> i.id() != item.id()).toList();
            meetings.updateItem(meetingId, new Meeting.Item(item.id(), item.meetingId(), item.position(), item.kind(), item.ref(),
                    item.title(), item.detail(), item.status(), item.isNew(), item.seconds(), true));
            share(r.meeting(), kept);
        });
    }

    /** Adds an item of the facilitator's own at the end of the agenda; the items share the time again. */
    public Meeting.Record add(Caller caller, long meetingId, String title, String detail) {
        if (title == null || title.isBlank() || title.length() > 200 || (detail != null && detail.length() > MAX_TEXT)) {
            throw new Invalid("meeting.item-title", 200);
        }
        return change(caller, meetingId, "meeting-agenda", "added " + title.strip(), r -> {
            int position = r.items().stream().mapToInt(Meeting.Item::position).max().orElse(-1) + 1;
            meetings.insertItem(meetingId, position, Meeting.ItemKind.OTHER, null, title.strip(),
                    detail == null || detail.isBlank() ? null : detail.strip(), null, false, MIN_ITEM_SECONDS);
            share(r.meeting(), meetings.items(meetingId).stream().filter(i -> !i.dropped()).toList());
        });
    }

    private void share(Meeting m, List<Meeting.Item> kept) {
        int seconds = seconds(m.plannedMinutes(), kept.size());
        for (Meeting.Item i : kept) {
            meetings.updateItem(m.id(), new Meeting.Item(i.id(), i.meetingId(), i.position(), i.kind(), i.ref(), i.title(), i.detail(),
                    i.status(), i.isNew(), seconds, i.dropped()));
        }
    }

    /** Shows the item at {@code position} of the agenda (0 = the first); its time box starts now. */
    public Meeting.Record moveTo(Caller caller, long meetingId, int position) {
        return change(caller, meetingId, "meeting-item", "item " + position, r -> {
            if (position < 0 || position >= Math.max(1, r.agenda().size())) {
                throw new Invalid("meeting.no-such-item", position + 1);
            }
            meetings.move(meetingId, position, now());
        });
    }

    public Meeting.Record attendance(Caller caller, long meetingId, long memberId, Presence presence) {
        if (presence == null) {
            throw new Invalid("meeting.presence");
        }
        return change(caller, meetingId, "meeting-attendance", "member " + memberId + " " + presence, r -> {
            Member member = meetings.members(r.meeting().roomId()).stream().filter(m -> m.id() == memberId).findFirst()
                    .or(() -> r.attendance().stream().filter(a -> a.memberId() == memberId).findFirst()
                            .map(a -> new Member(a.memberId(), r.meeting().roomId(), a.name(), a.role())))
                    .orElseThrow(() -> new Invalid("meeting.member-unknown", memberId));
            meetings.saveAttendance(meetingId, member, presence);
        });
    }

    public Meeting.Record roles(Caller caller, long meetingId, Meeting.Roles roles) {
        return change(caller, meetingId, "meeting-roles", String.valueOf(roles), r -> meetings.roles(meetingId, new Meeting.Roles(
                blankToNull(roles.facilitator()), blankToNull(roles.timekeeper()), blankToNull(roles.secretary()))));
    }

    /**
     * What the secretary records on an item: a decision, and with it, if asked, a new priority action of the room, a change
     * of one, or an escalation to the parent room, each linked to the meeting and the item.
     *
     * @param newAction    a priority action to create, or null
     * @param changeAction the id of the room's priority action to change to {@code newAction}'s fields, or null
     * @param escalation   an escalation to raise, or null
     */
    public Meeting.Decision decide(Caller caller, long meetingId, long itemId, String text, ActionDraft newAction, Long changeAction,
                                   EscalationDraft escalation) {
        caller.requireAny(RUN);
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            throw new Invalid("meeting.decision-text", MAX_TEXT);
        }
        if (changeAction != null && newAction == null) {
            throw new Invalid("meeting.decision-action");
        }
        Meeting.Record before = openRecord(caller, meetingId);
        item(before, itemId);
        SteeringRoom room = room(caller, before.meeting().roomId());
        Long actionId = null;
        if (changeAction != null) {
            actions.update(caller, room, changeAction, newAction);
            actionId = changeAction;
        } else if (newAction != null) {
            actionId = actions.add(caller, room, newAction);
        }
        Long escalationId = escalation == null ? null : escalations.escalate(caller, room, escalation).id();
        Long a = actionId;
        long[] decision = new long[1];
        change(caller, meetingId, "meeting-decision", "item " + itemId + " · " + text.strip()
                        + (a == null ? "" : " · action " + a) + (escalationId == null ? "" : " · escalation " + escalationId),
                r -> decision[0] = meetings.insertDecision(meetingId, itemId, text.strip(), a, escalationId, caller.username(), now()));
        return meetings.decisions(meetingId).stream().filter(d -> d.id() == decision[0]).findFirst().orElseThrow();
    }

    private interface Change {
        void apply(Meeting.Record r);
    }

    /** A change of an open meeting, checked and written in one transaction from the version it was read in, then audited. */
    private Meeting.Record change(Caller caller, long meetingId, String action, String detail, Change change) {
        caller.requireAny(RUN);
        synchronized (lock) {
            Meeting.Record r = openRecord(caller, meetingId);
            transactions.executeWithoutResult(tx -> {
                if (!meetings.touch(r.meeting())) {
                    throw new Refusal(Refusal.Reason.CONFLICT, "meeting.changed");
                }
                change.apply(r);
            });
        }
        audit.record(caller, action, "meeting " + meetingId, detail);
        changed(meetingId);
        return meetings.record(meetingId).orElseThrow();
    }

    private Meeting.Record openRecord(Caller caller, long meetingId) {
        Meeting.Record r = record(caller, meetingId);
        if (!r.meeting().open()) {
            throw new Refusal(Refusal.Reason.CONFLICT, "meeting.closed", meetingId);
        }
        return r;
    }

    private static Meeting.Item item(Meeting.Record r, long itemId) {
        return r.agenda().stream().filter(i -> i.id() == itemId).findFirst()
                .orElseThrow(() -> new Invalid("meeting.item-unknown", itemId, r.meeting().id()));
    }

    // Closing and the archive

    /**
     * Closes the meeting and archives it in the same transaction: its record, the board as it is (tiles as data, and the
     * room report), its minutes in French and English, each with its SHA-256, chained to the room's previous archive.
     */
    public Meeting.Record close(Caller caller, long meetingId) {
        caller.requireAny(RUN);
        synchronized (lock) {
            Meeting.Record open = openRecord(caller, meetingId);
            Meeting m = open.meeting();
            SteeringRoom room = room(caller, m.roomId());
            Instant at = now();
            Meeting closed = new Meeting(m.id(), m.roomId(), Meeting.Status.CLOSED, m.period(), m.plannedMinutes(), m.currentPosition(),
                    m.itemStartedAt(), m.roles(), m.startedBy(), m.startedAt(), caller.username(), at, m.version() + 1);
            Meeting.Record record = new Meeting.Record(closed, open.items(), open.attendance(), open.decisions());
            RoomFilters filters = new RoomFilters(ReportingPeriod.month(m.period()));
            String board = MeetingArchive.boardJson(dashboards.dashboard(room, filters), m.period().toString());
            String hash = MeetingArchive.sha256(MeetingArchive.recordJson(record)).substring(0, 12);
            byte[] minutesFr = MinutesPdf.render(room, record, Locale.CANADA_FRENCH, hash);
            byte[] minutesEn = MinutesPdf.render(room, record, Locale.ENGLISH, hash);
            byte[] boardPdf = snapshots.report(room, filters, Locale.CANADA_FRENCH, caller.username()).bytes();
            transactions.executeWithoutResult(tx -> {
                if (!meetings.close(m, at, caller.username())) {
                    throw new Refusal(Refusal.Reason.CONFLICT, "meeting.changed");
                }
                Optional<MeetingRepository.Last> last = meetings.lastArchive(room.id());
                meetings.insertArchive(MeetingArchive.entry(record, board, minutesFr, minutesEn, boardPdf,
                        last.map(MeetingRepository.Last::seq).orElse(0) + 1, last.map(MeetingRepository.Last::chainHash).orElse(null), at));
            });
        }
        // the room's report prints its ritual indicators, which this meeting changed
        version.changed(List.of(rooms.find(caller, closedRoom(meetingId)).map(SteeringRoom::establishment).orElse("")));
        audit.record(caller, "meeting-closed", "meeting " + meetingId, "room " + closedRoom(meetingId));
        changed(meetingId);
        return meetings.record(meetingId).orElseThrow();
    }

    private long closedRoom(long meetingId) {
        return meetings.find(meetingId).map(Meeting::roomId).orElse(-1L);
    }

    /** Checks every archived meeting of the room: each part against its hash, each record against the database, the chain. */
    public MeetingArchive.Verification verify(Caller caller, long roomId) {
        SteeringRoom room = room(caller, roomId);
        return MeetingArchive.verify(meetings.archiveOf(room.id()), meetings::record, meetings.closedWithoutArchive(room.id()));
    }

    /** An archived document of a meeting: only by whom the snapshot policy allows, and recorded in the audit log. */
    public byte[] download(Caller caller, long meetingId, ArchivedFile file, Locale locale) {
        snapshots.requireDownload(caller);
        Meeting m = record(caller, meetingId).meeting();
        String column = switch (file) {
            case MINUTES -> "en".equals(locale.getLanguage()) ? "minutes_en" : "minutes_fr";
            case BOARD_PDF -> "board_pdf";
            case BOARD_JSON -> "board_json";
        };
        byte[] bytes = meetings.archived(meetingId, column).orElseThrow(() -> notArchived(meetingId));
        audit.record(caller, "download", "meeting " + meetingId + " " + column, "room " + m.roomId() + " · sha256 "
                + MeetingArchive.sha256(bytes).substring(0, 12));
        return bytes;
    }

    public enum ArchivedFile { MINUTES, BOARD_PDF, BOARD_JSON }

    // Helpers

    private SteeringRoom room(Caller caller, long roomId) {
        return rooms.find(caller, roomId).orElseThrow(() -> new Refusal(Refusal.Reason.NOT_FOUND, "room.unknown-id", roomId));
    }

    private static Refusal unknown(long meetingId) {
        return new Refusal(Refusal.Reason.NOT_FOUND, "meeting.unknown", meetingId);
    }

    private static Refusal notArchived(long meetingId) {
        return new Refusal(Refusal.Reason.CONFLICT, "meeting.not-archived", meetingId);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private void changed(long meetingId) {
        for (LongConsumer l : listeners) {
            l.accept(meetingId);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
