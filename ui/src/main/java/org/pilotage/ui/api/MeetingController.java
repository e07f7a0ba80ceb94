package org.pilotage.ui.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.pilotage.analytics.access.Caller;
import org.pilotage.analytics.actions.ActionRepository.ActionDraft;
import org.pilotage.analytics.actions.ActionStatus;
import org.pilotage.analytics.escalations.EscalationDraft;
import org.pilotage.analytics.meetings.Cadence;
import org.pilotage.analytics.meetings.Meeting;
import org.pilotage.analytics.meetings.MeetingArchive;
import org.pilotage.analytics.meetings.MeetingService;
import org.pilotage.analytics.meetings.Member;
import org.pilotage.analytics.meetings.Presence;
import org.pilotage.analytics.rooms.RitualFigures;
import org.pilotage.analytics.rooms.RoomService;
import org.pilotage.analytics.rooms.SteeringRoom;
import org.pilotage.analytics.series.Months;
import org.pilotage.analytics.text.Invalid;
import org.pilotage.analytics.text.Languages;
import org.pilotage.ui.security.CurrentCaller;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Steering-room meetings for scripts: a room's cadence and members, its meetings and their archive (minutes, the
 * board as it was, the check of the chain), and the moves of an open meeting.
 */
@RestController
class MeetingController {

    record CadenceJson(String frequency, String firstDate, String startTime, Integer minutes, LocalDateTime nextMeeting) {
    }

    record MemberJson(long id, String name, String role) {
    }

    record NewMember(String name, String role) {
    }

    record SummaryJson(long id, Instant startedAt, Instant endedAt, String status, int present, int members, int decisions) {
    }

    record DecisionJson(long id, long itemId, String text, Long actionId, Long escalationId, String recordedBy, Instant recordedAt) {
    }

    record ItemJson(long id, int position, String kind, String ref, String title, String detail, String status, boolean isNew,
                    int seconds, List<DecisionJson> decisions) {
    }

    record AttendanceJson(long memberId, String name, String role, String presence) {
    }

    record RolesJson(String facilitator, String timekeeper, String secretary) {
    }

    record ClockJson(int position, long itemSecondsLeft, long meetingSecondsLeft) {
    }

    record MeetingJson(long id, long roomId, String status, YearMonth period, int plannedMinutes, Instant startedAt, String startedBy,
                       Instant endedAt, String endedBy, RolesJson roles, List<AttendanceJson> attendance, List<ItemJson> items,
                       ClockJson clock) {
    }

    record NewItem(String title, String detail) {
    }

    record Order(List<Long> itemIds) {
    }

    record Position(Integer position) {
    }

    record PresenceJson(String presence) {
    }

    record ActionJson(String title, String owner, String dueDate, String status, String indicator) {
    }

    record EscalationJson(String indicator, String period, Long actionId, String reason, String ask, String answerBy) {
    }

    record NewDecision(Long itemId, String text, ActionJson action, Long actionId, EscalationJson escalation) {
    }

    private final MeetingService meetings;
    private final RoomService rooms;
    private final CurrentCaller caller;

    MeetingController(MeetingService meetings, RoomService rooms, CurrentCaller caller) {
        this.meetings = meetings;
        this.rooms = rooms;
        this.caller = caller;
    }

    // The room's side

    @GetMapping("/api/rooms/{id}/cadence")
    ResponseEntity<CadenceJson> cadence(@PathVariable String id) {
        Caller who = caller.get();
        SteeringRoom room = rooms.require(who, id);
        return meetings.cadence(who, room.id()).map(c -> ResponseEntity.ok(new CadenceJson(c.frequency().name(), c.firstDate().toString(),
                c.startTime().toString(), c.minutes(), meetings.nextMeeting(room).orElse(null)))).orElse(ResponseEntity.noContent().build());
    }

    @PutMapping("/api/rooms/{id}/cadence")
    CadenceJson setCadence(@PathVariable String id, @RequestBody CadenceJson body) {
        Caller who = caller.get();
        SteeringRoom room = rooms.require(who, id);
        Cadence.Frequency frequency = Cadence.frequency(body.frequency())
                .orElseThrow(() -> new Invalid("meeting.frequency-unknown", String.valueOf(body.frequency())));
        LocalTime time;
        try {
            time = body.startTime() == null ? null : LocalTime.parse(body.startTime().strip());
        } catch (DateTimeParseException e) {
            throw new Invalid("meeting.cadence-incomplete");
        }
        meetings.setCadence(who, room.id(), new Cadence(frequency, Months.day("firstDate", body.firstDate(), null), time,
                body.minutes() == null ? 0 : body.minutes()));
        return cadence(id).getBody();
    }

    @GetMapping("/api/rooms/{id}/members")
    List<MemberJson> members(@PathVariable String id) {
        Caller who = caller.get();
        return meetings.members(who, rooms.require(who, id).id()).stream().map(MeetingController::json).toList();
    }

    @PostMapping("/api/rooms/{id}/members")
    ResponseEntity<MemberJson> addMember(@PathVariable String id, @RequestBody NewMember body) {
        Caller who = caller.get();
        long room = rooms.require(who, id).id();
        long member = meetings.addMember(who, room, body.name(), body.role());
        MemberJson created = meetings.members(who, room).stream().filter(m -> m.id() == member).map(MeetingController::json)
                .findFirst().orElseThrow();
        return ResponseEntity.created(URI.create("/api/rooms/" + room + "/members/" + member)).body(created);
    }

    @DeleteMapping("/api/rooms/{id}/members/{member}")
    ResponseEntity<Void> removeMember(@PathVariable String id, @PathVariable long member) {
        Caller who = caller.get();
        meetings.removeMember(who, rooms.require(who, id).id(), member);
        return ResponseEntity.noContent().build();
    }

    /** The room's ritual indicators over the last three months. */
    @GetMapping("/api/rooms/{id}/ritual")
    RitualFigures ritual(@PathVariable String id) {
        Caller who = caller.get();
        return meetings.ritual(who, rooms.require(who, id).id());
    }

    // Meetings and their archive

    @GetMapping("/api/rooms/{id}/meetings")
    List<SummaryJson> history(@PathVariable String id) {
        Caller who = caller.get();
        return meetings.history(who, rooms.require(who, id).id()).stream().map(s -> new SummaryJson(s.id(), s.startedAt(), s.closedAt(),
                s.status().name(), s.present(), s.members(), s.decisions())).toList();
    }

    @PostMapping("/api/rooms/{id}/meetings")
    ResponseEntity<MeetingJson> start(@PathVariable String id) {
        Caller who = caller.get();
        Meeting.Record r = meetings.start(who, rooms.require(who, id).id());
        return ResponseEntity.created(URI.create("/api/meetings/" + r.meeting().id())).body(json(r));
    }

    @GetMapping("/api/meetings/{id}")
    MeetingJson one(@PathVariable long id) {
        return json(meetings.record(caller.get(), id));
    }

    @GetMapping("/api/meetings/{id}/minutes.pdf")
    ResponseEntity<byte[]> minutes(@PathVariable long id, @RequestParam(required = false) String lang) {
        Locale locale = Languages.parse(lang);
        byte[] pdf = meetings.download(caller.get(), id, MeetingService.ArchivedFile.MINUTES, locale);
        return file(pdf, MediaType.APPLICATION_PDF, ("en".equals(locale.getLanguage()) ? "minutes-" : "compte-rendu-") + id + ".pdf");
    }

    @GetMapping("/api/meetings/{id}/board.pdf")
    ResponseEntity<byte[]> boardPdf(@PathVariable long id) {
        return file(meetings.download(caller.get(), id, MeetingService.ArchivedFile.BOARD_PDF, Locale.CANADA_FRENCH),
                MediaType.APPLICATION_PDF, "tableau-rencontre-" + id + ".pdf");
    }

    @GetMapping("/api/meetings/{id}/board.json")
    ResponseEntity<byte[]> boardJson(@PathVariable long id) {
        return file(meetings.download(caller.get(), id, MeetingService.ArchivedFile.BOARD_JSON, Locale.CANADA_FRENCH),
                MediaType.APPLICATION_JSON, "tableau-rencontre-" + id + ".json");
    }

    @GetMapping("/api/rooms/{id}/archive/verify")
    MeetingArchive.Verification verify(@PathVariable String id) {
        Caller who = caller.get();
        return meetings.verify(who, rooms.require(who, id).id());
    }

    // The moves of an open meeting

    @PostMapping("/api/meetings/{id}/items")
    MeetingJson addItem(@PathVariable long id, @RequestBody NewItem body) {
        return json(meetings.add(caller.get(), id, body.title(), body.detail()));
    }

    @DeleteMapping("/api/meetings/{id}/items/{item}")
    MeetingJson dropItem(@PathVariable long id, @PathVariable long item) {
        return json(meetings.drop(caller.get(), id, item));
    }

    @PutMapping("/api/meetings/{id}/order")
    MeetingJson reorder(@PathVariable long id, @RequestBody Order body) {
        return json(meetings.reorder(caller.get(), id, body.itemIds() == null ? List.of() : body.itemIds()));
    }

    @PutMapping("/api/meetings/{id}/current")
    MeetingJson move(@PathVariable long id, @RequestBody Position body) {
        return json(meetings.moveTo(caller.get(), id, body.position() == null ? -1 : body.position()));
    }

    @PutMapping("/api/meetings/{id}/attendance/{member}")
    MeetingJson attendance(@PathVariable long id, @PathVariable long member, @RequestBody PresenceJson body) {
        Presence presence;
        try {
            presence = body.presence() == null ? null : Presence.valueOf(body.presence().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            presence = null;
        }
        return json(meetings.attendance(caller.get(), id, member, presence));
    }

    @PutMapping("/api/meetings/{id}/roles")
    MeetingJson roles(@PathVariable long id, @RequestBody RolesJson body) {
        return json(meetings.roles(caller.get(), id, new Meeting.Roles(body.facilitator(), body.timekeeper(), body.secretary())));
    }

    @PostMapping("/api/meetings/{id}/decisions")
    ResponseEntity<DecisionJson> decide(@PathVariable long id, @RequestBody NewDecision body) {
        Caller who = caller.get();
        ActionDraft action = null;
        if (body.action() != null) {
            ActionJson a = body.action();
            action = new ActionDraft(a.title(), a.owner(), Months.day("action.dueDate", a.dueDate(), null),
                    a.status() == null ? ActionStatus.TODO : ActionStatus.parse(a.status())
                            .orElseThrow(() -> new Invalid("actions.invalid")), a.indicator());
        }
        EscalationDraft escalation = null;
        if (body.escalation() != null) {
            EscalationJson e = body.escalation();
            escalation = new EscalationDraft(e.indicator(), Months.parse("escalation.period", e.period(), null), e.actionId(), e.reason(),
                    e.ask(), Months.day("escalation.answerBy", e.answerBy(), null), null);
        }
        Meeting.Decision d = meetings.decide(who, id, body.itemId() == null ? -1 : body.itemId(), body.text(), action, body.actionId(),
                escalation);
        return ResponseEntity.created(URI.create("/api/meetings/" + id)).body(json(d));
    }

    @PostMapping("/api/meetings/{id}/close")
    MeetingJson close(@PathVariable long id) {
        return json(meetings.close(caller.get(), id));
    }

    private MeetingJson json(Meeting.Record r) {
        Meeting m = r.meeting();
        Meeting.Clock clock = meetings.clock(r);
        return new MeetingJson(m.id(), m.roomId(), m.status().name(), m.period(), m.plannedMinutes(), m.startedAt(), m.startedBy(),
                m.closedAt(), m.closedBy(), new RolesJson(m.roles().facilitator(), m.roles().timekeeper(), m.roles().secretary()),
                r.attendance().stream().map(a -> new AttendanceJson(a.memberId(), a.name(), a.role(), a.presence().name())).toList(),
                r.agenda().stream().map(i -> new ItemJson(i.id(), i.position(), i.kind().name(), i.ref(), i.title(), i.detail(), i.status(),
                        i.isNew(), i.seconds(), r.decisionsOn(i.id()).stream().map(MeetingController::json).toList())).toList(),
                new ClockJson(clock.position(), clock.itemSecondsLeft(), clock.meetingSecondsLeft()));
    }

    private static DecisionJson json(Meeting.Decision d) {
        return new DecisionJson(d.id(), d.itemId(), d.text(), d.actionId(), d.escalationId(), d.recordedBy(), d.recordedAt());
    }

    private static MemberJson json(Member m) {
        return new MemberJson(m.id(), m.name(), m.role());
    }

    private static ResponseEntity<byte[]> file(byte[] bytes, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.noCache().cachePrivate())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build()
                        .toString())
                .body(bytes);
    }
}
