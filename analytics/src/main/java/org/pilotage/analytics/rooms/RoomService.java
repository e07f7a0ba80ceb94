package org.pilotage.analytics.rooms;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.pilotage.analytics.access.Caller;
import org.pilotage.analytics.access.Role;
import org.pilotage.analytics.audit.AuditLog;
import org.pilotage.analytics.reference.ReferenceService;
import org.pilotage.analytics.series.Months;
import org.pilotage.analytics.text.Invalid;
import org.pilotage.analytics.text.Refusal;

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
        check(caller, draft);
        long id = rooms.create(draft, caller.username());
        audit.record(caller, "room-created", "room " + id, draft.toString());
        return id;
    }

    public void update(Caller caller, long id, RoomDraft draft) {
        caller.requireAny(EDIT);
        find(caller, id).orElseThrow(() -> new Refusal(Refusal.Reason.NOT_FOUND, "room.unknown-id", id));
        check(caller, draft);
        rooms.update(id, draft);
        audit.record(caller, "room-changed", "room " + id, draft.toString());
    }

    public void delete(Caller caller, long id) {
        caller.requireAny(EDIT);
        SteeringRoom room = find(caller, id).orElseThrow(() -> new Refusal(Refusal.Reason.NOT_FOUND, "room.unknown-id", id));
        rooms.delete(id);
        audit.record(caller, "room-deleted", "room " + id, room.name());
    }

    private void check(Caller caller, RoomDraft draft) {
        Invalid.check(draft.problems());
        if (!caller.allows(draft.establishment())) {
            throw new Invalid("room.establishment-outside", draft.establishment());
        }
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
