package org.pilotage.analytics.escalations;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.pilotage.analytics.access.Caller;
import org.pilotage.analytics.access.Role;
import org.pilotage.analytics.actions.ActionRepository.ActionDraft;
import org.pilotage.analytics.actions.ActionService;
import org.pilotage.analytics.actions.ActionStatus;
import org.pilotage.analytics.actions.PriorityAction;
import org.pilotage.analytics.audit.AuditLog;
import org.pilotage.analytics.dashboard.IndicatorTile;
import org.pilotage.analytics.dashboard.RoomDashboardService;
import org.pilotage.analytics.rooms.ReportingPeriod;
import org.pilotage.analytics.rooms.RoomFilters;
import org.pilotage.analytics.rooms.RoomService;
import org.pilotage.analytics.rooms.SteeringRoom;
import org.pilotage.analytics.status.Status;
import org.pilotage.analytics.text.Invalid;
import org.pilotage.analytics.text.Refusal;
import org.pilotage.analytics.text.Sentence;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Escalation (escalade): what a room cannot solve goes up to its parent room, and the answer comes back
 * down. Managers (and admins) of a room send an indicator that is red or amber for a month, or one of the
 * room's priority actions, with a reason; the parent room takes it in charge (as one of its own priority
 * actions), answers it, returns it or carries it further up; the sending room closes it when the answer
 * satisfies it. Every step is checked, written with its thread and audited here; of two answers at once
 * one wins, the other is refused with the status it found.
 */
public class EscalationService {

    /** Who sends escalations and moves them on. */
    private static final Role[] ACT = {Role.MANAGER, Role.ADMIN};
    static final int MAX_TEXT = 2000;
    /** The answer date when none is asked for: a week (until the parent room's next meeting can say better). */
    static final int DEFAULT_DAYS = 7;

    private final EscalationRepository escalations;
    private final RoomService rooms;
    private final ActionService actions;
    private final RoomDashboardService dashboards;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    /** Checks and writes of escalations, one at a time: a duplicate or a second answer cannot slip between them. */
    private final Object lock = new Object();

    public EscalationService(EscalationRepository escalations, RoomService rooms, ActionService actions,
                             RoomDashboardService dashboards, AuditLog audit, TransactionTemplate transactions, Clock clock) {
        this.escalations = escalations;
        this.rooms = rooms;
        this.actions = actions;
        this.dashboards = dashboards;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The status a request names ({@code ANSWERED}, {@code answered}, {@code taken-in-charge}…). */
    public static EscalationStatus status(String word) {
        return EscalationStatus.parse(word).orElseThrow(() -> new Invalid("escalation.status-unknown", String.valueOf(word)));
    }

    public static boolean mayAct(Caller caller) {
        return caller.hasAny(ACT);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The answer date an escalation to a room gets when none is asked for. */
    public LocalDate defaultAnswerBy(SteeringRoom parent) {
        return today().plusDays(DEFAULT_DAYS);
    }

    // Sending up

    /** Sends an item of a room to its parent room; answers the escalation, OPEN. */
    public Escalation escalate(Caller caller, SteeringRoom room, EscalationDraft draft) {
        caller.requireAny(ACT);
        SteeringRoom from = rooms.find(caller, room.id())
                .orElseThrow(() -> new Refusal(Refusal.Reason.NOT_FOUND, "room.unknown-id", room.id()));
        SteeringRoom parent = parentOf(caller, from);
        if (draft.toRoomId() != null && draft.toRoomId() != parent.id()) {
            throw new Invalid("escalation.not-parent", parent.name());
        }
        checkTexts(draft.reason(), draft.ask());
        Escalation.Figures figures = checkSubject(from, draft);
        LocalDate answerBy = draft.answerBy() == null ? defaultAnswerBy(parent) : draft.answerBy();
        if (answerBy.isBefore(today())) {
            throw new Invalid("escalation.answer-by-past", answerBy);
        }
        long id;
        synchronized (lock) {
            escalations.openFor(from.id(), draft).ifPresent(other -> {
                throw new Refusal(Refusal.Reason.CONFLICT, "escalation.duplicate", other);
            });
            id = escalations.insert(from.id(), parent.id(), draft, answerBy, EscalationStatus.OPEN, figures, null, caller.username());
        }
        audit.record(caller, "escalation-sent", "escalation " + id, "room " + from.id() + " → room " + parent.id() + " · " + subject(draft));
        return escalations.find(id).orElseThrow();
    }

    private SteeringRoom parentOf(Caller caller, SteeringRoom room) {
        if (room.parentId() == null) {
            throw new Invalid("escalation.no-parent", room.name());
        }
        return rooms.find(caller, room.parentId()).orElseThrow(() -> new Invalid("escalation.no-parent", room.name()));
    }

    private static void checkTexts(String reason, String ask) {
        if (reason == null || reason.isBlank()) {
            throw new Invalid("escalation.reason-required");
        }
        if (reason.length() > MAX_TEXT || (ask != null && ask.length() > MAX_TEXT)) {
            throw new Invalid("escalation.text-length", MAX_TEXT);
        }
    }

    /** An indicator of the room, red or amber for its month (its figures are kept), or a priority action of the room not done. */
    private Escalation.Figures checkSubject(SteeringRoom room, EscalationDraft draft) {
        boolean indicator = draft.indicator() != null;
        if (indicator == (draft.actionId() != null)) {
            throw new Invalid("escalation.subject");
        }
        if (!indicator) {
            PriorityAction action = actions.forRoom(room).stream().filter(a -> a.id() == draft.actionId()).findFirst()
                    .orElseThrow(() -> new Invalid("escalation.action-unknown", draft.actionId()));
            if (action.status() == ActionStatus.DONE) {
                throw new Invalid("escalation.action-done", action.title());
            }
            return null;
        }
        if (!room.indicators().contains(draft.indicator())) {
            throw new Invalid("room.indicator-outside", draft.indicator());
        }
        if (draft.period() == null) {
            throw new Invalid("escalation.period-required");
        }
        if (draft.period().isAfter(YearMonth.now(clock))) {
            throw new Invalid("escalation.period-future", draft.period());
        }
        IndicatorTile tile = dashboards.dashboard(room, new RoomFilters(ReportingPeriod.month(draft.period()))).allTiles().stream()
                .filter(t -> t.indicator().code().equals(draft.indicator())).findFirst()
                .orElseThrow(() -> new Invalid("room.indicator-outside", draft.indicator()));
        if (tile.status() != Status.BELOW_COMMITMENT && tile.status() != Status.COMMITMENT_MET) {
            throw new Invalid("escalation.not-red-or-amber", draft.indicator(), draft.period(),
                    Sentence.of("charts.status." + tile.status().code()));
        }
        return new Escalation.Figures(tile.value(), tile.target(), tile.status().code());
    }

    private static String subject(EscalationDraft draft) {
        return draft.indicator() != null ? draft.indicator() + " " + draft.period() : "action " + draft.actionId();
    }

    // Reading

    /** One escalation the caller may see: they see its sending room or the room it was sent to. */
    public Escalation require(Caller caller, long id) {
        Escalation e = escalations.find(id).orElseThrow(() -> unknown(id));
        if (rooms.find(caller, e.fromRoom()).isEmpty() && rooms.find(caller, e.toRoom()).isEmpty()) {
            throw unknown(id);
        }
        return e;
    }

    private static Refusal unknown(long id) {
        return new Refusal(Refusal.Reason.NOT_FOUND, "escalation.unknown", id);
    }

    public List<EscalationEvent> thread(Caller caller, long id) {
        require(caller, id);
        return escalations.thread(id);
    }

    /**
     * The title of the priority action an escalation is about: an action of the room that first sent it (an
     * escalation carried further up keeps the first one's subject). Empty for an indicator, or an action gone.
     */
    public Optional<String> actionTitle(Escalation e) {
        if (e.actionId() == null) {
            return Optional.empty();
        }
        Escalation first = e;
        for (int hops = 0; first.originId() != null && hops < 3; hops++) {
            Escalation origin = escalations.find(first.originId()).orElse(null);
            if (origin == null) {
                break;
            }
            first = origin;
        }
        long roomId = first.fromRoom();
        return rooms.all().stream().filter(r -> r.id() == roomId).findFirst()
                .flatMap(r -> actions.forRoom(r).stream().filter(a -> a.id() == e.actionId()).map(PriorityAction::title).findFirst());
    }

    /** What a room received from its child rooms: waiting for an answer first. */
    public List<Escalation> received(Caller caller, SteeringRoom room) {
        return escalations.forRoom(visible(caller, room).id(), true);
    }

    /** What a room sent to its parent: waiting for an answer first. */
    public List<Escalation> sent(Caller caller, SteeringRoom room) {
        return escalations.forRoom(visible(caller, room).id(), false);
    }

    private SteeringRoom visible(Caller caller, SteeringRoom room) {
        return rooms.find(caller, room.id()).orElseThrow(() -> new Refusal(Refusal.Reason.NOT_FOUND, "room.unknown-id", room.id()));
    }

    /** What a room received ({@code received}) or sent that is not closed yet, for a room the caller was checked to see. */
    public List<Escalation> unclosed(SteeringRoom room, boolean received) {
        return escalations.forRoom(room.id(), received).stream().filter(e -> e.status() != EscalationStatus.CLOSED).toList();
    }

    /** How many escalations each room sent or received that are not closed. */
    public Map<Long, Integer> openCounts(Collection<Long> roomIds) {
        return escalations.openCounts(roomIds);
    }

    // Moving on

    /**
     * Moves an escalation on: the room it was sent to takes it in charge, answers, returns or carries it
     * further up; the room that sent it closes it or opens it again. An answer or a return of an escalation
     * that carried another one further up comes down to that one too.
     */
    public Escalation move(Caller caller, long id, Transition t) {
        caller.requireAny(ACT);
        if (t.to() == null) {
            throw new Invalid("escalation.status-required");
        }
        synchronized (lock) {
            Escalation e = require(caller, id);
            if (!e.status().mayMoveTo(t.to())) {
                throw new Refusal(Refusal.Reason.CONFLICT, "escalation.transition-refused", id,
                        Sentence.of("escalation.status." + e.status().name()), Sentence.of("escalation.status." + t.to().name()));
            }
            long actingId = t.to().movedBy() == EscalationStatus.Side.PARENT ? e.toRoom() : e.fromRoom();
            SteeringRoom acting = rooms.find(caller, actingId)
                    .orElseThrow(() -> new Refusal(Refusal.Reason.FORBIDDEN, "escalation.not-your-side",
                            Sentence.of("escalation.status." + t.to().name())));
            if (t.to().needsText() && t.text() == null) {
                throw new Invalid("escalation.text-required", Sentence.of("escalation.status." + t.to().name()));
            }
            if (t.text() != null && t.text().length() > MAX_TEXT) {
                throw new Invalid("escalation.text-length", MAX_TEXT);
            }
            transactions.executeWithoutResult(tx -> apply(caller, e, acting, t));
            return escalations.find(id).orElseThrow();
        }
    }

    private void apply(Caller caller, Escalation e, SteeringRoom acting, Transition t) {
        Long taken = null;
        Long carried = null;
        String answer = null;
        switch (t.to()) {
            case TAKEN_IN_CHARGE -> taken = takeInCharge(caller, e, acting, t);
            case ESCALATED -> carried = carryUp(caller, e, acting, t.text());
            case ANSWERED, RETURNED -> answer = t.text();
            default -> {
                // CLOSED and OPEN change the status only
            }
        }
        if (!escalations.transition(e, t.to(), t.text(), caller.username(), answer, taken, carried)) {
            Escalation now = escalations.find(e.id()).orElseThrow();
            throw new Refusal(Refusal.Reason.CONFLICT, "escalation.state-changed", e.id(),
                    Sentence.of("escalation.status." + now.status().name()));
        }
        audit.record(caller, "escalation-" + t.to().code(), "escalation " + e.id(), t.text());
        if ((t.to() == EscalationStatus.ANSWERED || t.to() == EscalationStatus.RETURNED) && e.originId() != null) {
            escalations.find(e.originId()).filter(o -> o.status() == EscalationStatus.ESCALATED).ifPresent(origin -> {
                if (escalations.transition(origin, t.to(), t.text(), caller.username(), t.text(), null, null)) {
                    audit.record(caller, "escalation-" + t.to().code(), "escalation " + origin.id(), "from escalation " + e.id());
                }
            });
        }
    }

    /** The parent room's priority action that takes the escalation in charge: one of its own, or a new one. */
    private Long takeInCharge(Caller caller, Escalation e, SteeringRoom parent, Transition t) {
        if (t.actionId() != null) {
            if (actions.forRoom(parent).stream().noneMatch(a -> a.id() == t.actionId())) {
                throw new Invalid("escalation.action-not-in-room", t.actionId(), parent.name());
            }
            return t.actionId();
        }
        String title = t.actionTitle() != null && !t.actionTitle().isBlank() ? t.actionTitle() : titleOf(e);
        String owner = t.actionOwner() != null && !t.actionOwner().isBlank() ? t.actionOwner() : caller.username();
        LocalDate due = t.actionDue() != null ? t.actionDue() : e.answerBy().isBefore(today()) ? defaultAnswerBy(parent) : e.answerBy();
        String indicator = e.indicator() != null && parent.indicators().contains(e.indicator()) ? e.indicator() : null;
        return actions.add(caller, parent, new ActionDraft(title, owner, due, ActionStatus.TODO, indicator));
    }

    /** What the escalation asks, as the title of the action that takes it in charge. */
    private static String titleOf(Escalation e) {
        String text = e.ask() != null ? e.ask() : e.reason();
        return text.length() <= 300 ? text : text.substring(0, 299) + "…";
    }

    /** The same item sent from the parent room to its own parent, the chain kept both ways. */
    private Long carryUp(Caller caller, Escalation e, SteeringRoom parent, String reason) {
        SteeringRoom grand = parentOf(caller, parent);
        EscalationDraft draft = new EscalationDraft(e.indicator(), e.period(), e.actionId(), reason, e.ask(),
                e.answerBy().isBefore(today()) ? defaultAnswerBy(grand) : e.answerBy(), grand.id());
        escalations.openFor(parent.id(), draft).ifPresent(other -> {
            throw new Refusal(Refusal.Reason.CONFLICT, "escalation.duplicate", other);
        });
        long id = escalations.insert(parent.id(), grand.id(), draft, draft.answerBy(), EscalationStatus.OPEN, e.figures(), e.id(),
                caller.username());
        audit.record(caller, "escalation-sent", "escalation " + id, "room " + parent.id() + " → room " + grand.id() + " · carries escalation " + e.id());
        return id;
    }
}
