package org.pilotage.analytics.rooms;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.pilotage.analytics.access.Caller;
import org.pilotage.analytics.access.Role;
import org.pilotage.analytics.audit.AuditLog;
import org.pilotage.analytics.reference.ReferenceService;
import org.pilotage.analytics.series.Months;
import org.pilotage.analytics.text.Invalid;
import org.pilotage.analytics.text.Refusal;
import org.pilotage.analytics.text.Sentence;

/**
 * The steering rooms: which ones a caller may see (a room of another establishment does not exist for
 * them), their creation, change and deletion by admins (each audited), and what a room is looked at for,
 * read from a request's words and checked once for every screen and script (period, window, direction
 * within the room's scope, indicator the room follows).
 */
public class RoomService {

    /** Who looks at rooms, and who creates, changes and deletes them. */
    private static final Role[] VIEW = {Role.MANAGER, Role.EXECUTIVE, Role.ADMIN};
    private static final Role[] EDIT = {Role.ADMIN};

    private final SteeringRoomRepository rooms;
    private final ReferenceService reference;
    private final AuditLog audit;
    private final Clock clock;

    public RoomService(SteeringRoomRepository rooms, ReferenceService reference, AuditLog audit, Clock clock) {
        this.rooms = rooms;
        this.reference = reference;
        this.audit = audit;
        this.clock = clock;
    }

    /** Managers, executives and admins look at rooms; a data steward's home is the loading screen. */
    public static boolean mayView(Caller caller) {
        return caller.hasAny(VIEW);
    }

    public static boolean mayEdit(Caller caller) {
        return caller.hasAny(EDIT);
    }

    /** Every room, for what was checked before (a report naming the rooms of its cascade). */
    public List<SteeringRoom> all() {
        return rooms.findAll();
    }

    /** The rooms of the caller's establishments, by level. */
    public List<SteeringRoom> visible(Caller caller) {
        return rooms.findAll().stream().filter(r -> caller.allows(r.establishment())).toList();
    }

    public Optional<SteeringRoom> find(Caller caller, long id) {
        return rooms.find(id).filter(r -> caller.allows(r.establishment()));
    }

    /** The room an address names (its id as text), if the caller may see it. */
    public Optional<SteeringRoom> find(Caller caller, String id) {
        long n;
        try {
            n = Long.parseLong(id == null ? "" : id.strip());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return find(caller, n);
    }

    /** The room a request names (its id as text), or a refusal that says it is unknown. */
    public SteeringRoom require(Caller caller, String id) {
        return find(caller, id).orElseThrow(() -> new Refusal(Refusal.Reason.NOT_FOUND, "room.unknown-id", String.valueOf(id)));
    }

    public long create(Caller caller, RoomDraft draft) {
        caller.requireAny(EDIT);
        check(caller, null, draft);
        long id = rooms.create(draft, caller.username());
        audit.record(caller, "room-created", "room " + id, draft.toString());
        return id;
    }

    public void update(Caller caller, long id, RoomDraft draft) {
        caller.requireAny(EDIT);
        find(caller, id).orElseThrow(() -> new Refusal(Refusal.Reason.NOT_FOUND, "room.unknown-id", id));
        check(caller, id, draft);
        rooms.update(id, draft);
        audit.record(caller, "room-changed", "room " + id, draft.toString());
    }

    public void delete(Caller caller, long id) {
        caller.requireAny(EDIT);
        SteeringRoom room = find(caller, id).orElseThrow(() -> new Refusal(Refusal.Reason.NOT_FOUND, "room.unknown-id", id));
        List<SteeringRoom> children = children(room);
        if (!children.isEmpty()) {
            throw new Refusal(Refusal.Reason.CONFLICT, "room.has-children", room.name(), children.size());
        }
        rooms.delete(id);
        audit.record(caller, "room-deleted", "room " + id, room.name());
    }

    /**
     * The draft on its own, then its place in the cascade: the parent one level up, in the same
     * establishment, its scope holding the room's; and, for a room that has children, theirs still held.
     */
    private void check(Caller caller, Long id, RoomDraft draft) {
        Invalid.check(draft.problems());
        if (!caller.allows(draft.establishment())) {
            throw new Invalid("room.establishment-outside", draft.establishment());
        }
        if (draft.parentId() != null) {
            SteeringRoom parent = find(caller, draft.parentId())
                    .orElseThrow(() -> new Invalid("room.parent-unknown", draft.parentId()));
            if (id != null && (parent.id() == id || path(parent).stream().anyMatch(r -> r.id() == id))) {
                throw new Invalid("room.parent-cycle", parent.name());
            }
            RoomLevel above = draft.level().above().orElseThrow(() -> new Invalid("room.parent-none-above"));
            if (parent.level() != above) {
                throw new Invalid("room.parent-level", Sentence.of("charts.level." + draft.level().code()),
                        Sentence.of("charts.level." + above.code()));
            }
            Object outside = outsideOf(parent, draft.establishment(), draft.directions());
            if (outside != null) {
                throw new Invalid("room.parent-scope", parent.name(), outside);
            }
        }
        if (id != null) {
            for (SteeringRoom child : children(rooms.find(id).orElseThrow())) {
                boolean levelHolds = child.level().above().filter(draft.level()::equals).isPresent();
                Object outside = outsideOf(new SteeringRoom(id, draft.name(), draft.level(), draft.establishment(), draft.directions(),
                        draft.indicators(), draft.categories(), null), child.establishment(), child.directions());
                if (!levelHolds || outside != null) {
                    throw new Invalid("room.children-outside", child.name());
                }
            }
        }
    }

    /** What of a scope lies outside a parent room's: another establishment, or the directions it does not cover; null when held. */
    private static Object outsideOf(SteeringRoom parent, String establishment, List<String> directions) {
        if (!parent.establishment().equals(establishment)) {
            return establishment;
        }
        if (parent.directions().isEmpty()) {
            return null;
        }
        if (directions.isEmpty()) {
            return Sentence.of("room.directions.every");
        }
        List<String> outside = directions.stream().filter(d -> !parent.covers(d)).toList();
        return outside.isEmpty() ? null : String.join(", ", outside);
    }

    // The cascade

    /** The rooms above a room, its parent first, up to the top of its cascade. */
    public List<SteeringRoom> path(SteeringRoom room) {
        List<SteeringRoom> up = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        seen.add(room.id());
        Long next = room.parentId();
        while (next != null && seen.add(next)) {
            SteeringRoom parent = rooms.find(next).orElse(null);
            if (parent == null) {
                break;
            }
            up.add(parent);
            next = parent.parentId();
        }
        return up;
    }

    /** The path as the caller may see it: up to the first room outside their establishments. */
    public List<SteeringRoom> path(Caller caller, SteeringRoom room) {
        List<SteeringRoom> up = new ArrayList<>();
        for (SteeringRoom r : path(room)) {
            if (!caller.allows(r.establishment())) {
                break;
            }
            up.add(r);
        }
        return up;
    }

    /** The rooms one level down, by name. */
    public List<SteeringRoom> children(SteeringRoom room) {
        return rooms.findAll().stream().filter(r -> Long.valueOf(room.id()).equals(r.parentId())).toList();
    }

    /** Every room below a room, level by level (its children, then theirs…). */
    public List<SteeringRoom> descendants(SteeringRoom room) {
        List<SteeringRoom> below = new ArrayList<>();
        List<SteeringRoom> level = children(room);
        Set<Long> seen = new HashSet<>(Set.of(room.id()));
        while (!level.isEmpty()) {
            List<SteeringRoom> next = new ArrayList<>();
            for (SteeringRoom r : level) {
                if (seen.add(r.id())) {
                    below.add(r);
                    next.addAll(children(r));
                }
            }
            level = next;
        }
        return below;
    }

    /** The rooms a room may have as parent: one level up, same establishment, a scope that holds its own. */
    public List<SteeringRoom> possibleParents(Caller caller, RoomLevel level, String establishment, List<String> directions) {
        return visible(caller).stream().filter(r -> level != null && level.above().filter(r.level()::equals).isPresent()
                && outsideOf(r, establishment, directions == null ? List.of() : directions) == null).toList();
    }

    /** The directions a room's scope holds: its own, or every direction of its establishment. */
    public List<String> directions(Caller caller, SteeringRoom room) {
        return room.directions().isEmpty() ? reference.directions(caller, room.establishment()) : room.directions();
    }

    public List<String> projects(Caller caller, SteeringRoom room) {
        return reference.projects(caller, room.establishment());
    }

    public YearMonth lastCompleteMonth() {
        return YearMonth.now(clock).minusMonths(1);
    }

    /**
     * What a room is looked at for, from a request's words (URL parameters, the API's query): every one
     * checked, the first that is wrong refused with its sentence. Absent words take their defaults: the last
     * complete month, 12 months, the whole scope.
     */
    public RoomFilters filters(SteeringRoom room, FilterWords words) {
        YearMonth end = Months.parse("period", words.period(), lastCompleteMonth());
        int window = RoomFilters.DEFAULT_MONTHS;
        if (words.months() != null && !words.months().isBlank()) {
            try {
                window = Integer.parseInt(words.months().strip());
            } catch (NumberFormatException e) {
                window = -1;
            }
            if (window < 1 || window > RoomFilters.MAX_MONTHS) {
                throw new Invalid("request.months-window", RoomFilters.MAX_MONTHS, words.months());
            }
        }
        ReportingPeriod.Kind kind = blank(words.kind()) ? ReportingPeriod.Kind.MONTH
                : ReportingPeriod.Kind.parse(words.kind().strip()).orElseThrow(() -> new Invalid("request.period-kind", words.kind()));
        String direction = blank(words.direction()) ? null : words.direction().strip();
        if (direction != null && !room.directions().isEmpty() && !room.directions().contains(direction)) {
            throw new Invalid("room.direction-outside", direction);
        }
        String indicator = blank(words.indicator()) ? null : words.indicator().strip();
        if (indicator != null && !room.indicators().contains(indicator)) {
            throw new Invalid("room.indicator-outside", indicator);
        }
        return new RoomFilters(new ReportingPeriod(kind, end), direction, blank(words.project()) ? null : words.project().strip(),
                indicator, window);
    }

    /**
     * The same, forgiving: a word that is wrong (an address typed by hand, a direction no longer in the room)
     * is left out and its default taken, as a screen does.
     */
    public RoomFilters filtersOrDefaults(SteeringRoom room, FilterWords words) {
        FilterWords kept = words;
        for (int attempt = 0; attempt < 6; attempt++) {
            try {
                return filters(room, kept);
            } catch (Invalid e) {
                kept = kept.without(e.sentence().key());
            }
        }
        return new RoomFilters(ReportingPeriod.month(lastCompleteMonth()));
    }

    /** The words of a request that say what a room is looked at for; any may be null. */
    public record FilterWords(String kind, String period, String months, String direction, String project, String indicator) {

        public static FilterWords none() {
            return new FilterWords(null, null, null, null, null, null);
        }

        /** The words without the one a refusal named. */
        FilterWords without(String refusal) {
            return switch (refusal) {
                case "request.month-format" -> new FilterWords(kind, null, months, direction, project, indicator);
                case "request.months-window" -> new FilterWords(kind, period, null, direction, project, indicator);
                case "request.period-kind" -> new FilterWords(null, period, months, direction, project, indicator);
                case "room.direction-outside" -> new FilterWords(kind, period, months, null, project, indicator);
                case "room.indicator-outside" -> new FilterWords(kind, period, months, direction, project, null);
                default -> none();
            };
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
