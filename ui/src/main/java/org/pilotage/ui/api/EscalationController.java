package org.pilotage.ui.api;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.pilotage.analytics.access.Caller;
import org.pilotage.analytics.escalations.Escalation;
import org.pilotage.analytics.escalations.EscalationDraft;
import org.pilotage.analytics.escalations.EscalationEvent;
import org.pilotage.analytics.escalations.EscalationService;
import org.pilotage.analytics.escalations.Transition;
import org.pilotage.analytics.rooms.RoomService;
import org.pilotage.analytics.rooms.SteeringRoom;
import org.pilotage.analytics.series.Months;
import org.pilotage.analytics.text.Invalid;
import org.pilotage.ui.security.CurrentCaller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Escalations between steering rooms for scripts: what a room received or sent, sending one up, moving one on. */
@RestController
class EscalationController {

    /** What a script sends up: {@code {indicator, period} | {actionId}}, with the reason, the request and the answer date. */
    record NewEscalation(String indicator, String period, Long actionId, String reason, String ask, String answerBy, Long toRoomId) {
    }

    /** A move: {@code {to, text, actionId?}}; taking in charge without an action id creates one (title, owner, due). */
    record Move(String to, String text, Long actionId, String actionTitle, String actionOwner, String actionDue) {
    }

    record Subject(String indicator, String period, Long actionId) {
    }

    record Figures(Double value, Double target, String status) {
    }

    record Step(Instant at, String by, String from, String to, String text) {
    }

    record EscalationJson(long id, long fromRoomId, long toRoomId, Subject subject, String reason, String ask, LocalDate answerBy,
                          String status, boolean overdue, String answer, Figures figures, Long takenActionId, Long originId,
                          Long escalatedAs, int version, Instant createdAt, String createdBy, Instant updatedAt, List<Step> thread) {
    }

    private final EscalationService escalations;
    private final RoomService rooms;
    private final CurrentCaller caller;

    EscalationController(EscalationService escalations, RoomService rooms, CurrentCaller caller) {
        this.escalations = escalations;
        this.rooms = rooms;
        this.caller = caller;
    }

    /** {@code direction=received} (from child rooms), {@code sent} (to the parent), or both when absent. */
    @GetMapping("/api/rooms/{id}/escalations")
    List<EscalationJson> forRoom(@PathVariable String id, @RequestParam(required = false) String direction) {
        Caller who = caller.get();
        SteeringRoom room = rooms.require(who, id);
        List<Escalation> list = new ArrayList<>();
        String d = direction == null ? "" : direction.strip();
        switch (d) {
            case "received" -> list.addAll(escalations.received(who, room));
            case "sent" -> list.addAll(escalations.sent(who, room));
            case "" -> {
                list.addAll(escalations.received(who, room));
                list.addAll(escalations.sent(who, room));
            }
            default -> throw new Invalid("request.direction", direction);
        }
        return list.stream().map(e -> json(e, null)).toList();
    }

    @PostMapping("/api/rooms/{id}/escalations")
    ResponseEntity<EscalationJson> escalate(@PathVariable String id, @RequestBody NewEscalation body) {
        Caller who = caller.get();
        SteeringRoom room = rooms.require(who, id);
        EscalationDraft draft = new EscalationDraft(body.indicator(), Months.parse("period", body.period(), null), body.actionId(),
                body.reason(), body.ask(), Months.day("answerBy", body.answerBy(), null), body.toRoomId());
        Escalation e = escalations.escalate(who, room, draft);
        return ResponseEntity.created(URI.create("/api/escalations/" + e.id())).body(json(e, null));
    }

    @GetMapping("/api/escalations/{id}")
    EscalationJson one(@PathVariable long id) {
        Caller who = caller.get();
        return json(escalations.require(who, id), escalations.thread(who, id));
    }

    @PostMapping("/api/escalations/{id}/transitions")
    EscalationJson move(@PathVariable long id, @RequestBody Move body) {
        Caller who = caller.get();
        Escalation e = escalations.move(who, id, new Transition(EscalationService.status(body.to()), body.text(), body.actionId(),
                body.actionTitle(), body.actionOwner(), Months.day("actionDue", body.actionDue(), null)));
        return json(e, escalations.thread(who, id));
    }

    private EscalationJson json(Escalation e, List<EscalationEvent> thread) {
        Subject subject = e.aboutIndicator() ? new Subject(e.indicator(), e.period().toString(), null) : new Subject(null, null, e.actionId());
        Figures figures = e.figures() == null ? null : new Figures(e.figures().value(), e.figures().target(), e.figures().status());
        return new EscalationJson(e.id(), e.fromRoom(), e.toRoom(), subject, e.reason(), e.ask(), e.answerBy(), e.status().name(),
                e.overdue(escalations.today()), e.answer(), figures, e.takenActionId(), e.originId(), e.escalatedAs(), e.version(),
                e.createdAt(), e.createdBy(), e.updatedAt(),
                thread == null ? null : thread.stream().map(s -> new Step(s.at(), s.by(), s.from() == null ? null : s.from().name(),
                        s.to().name(), s.text())).toList());
    }
}
