package org.pilotage.analytics.actions;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.pilotage.analytics.access.Caller;
import org.pilotage.analytics.access.Role;
import org.pilotage.analytics.actions.ActionRepository.ActionDraft;
import org.pilotage.analytics.audit.AuditLog;
import org.pilotage.analytics.rooms.SteeringRoom;
import org.pilotage.analytics.text.Invalid;
import org.pilotage.analytics.text.Refusal;

/**
 * A room's priority actions: read by whoever sees the room; added and changed by its managers (and
 * admins), each change checked and audited. The room is one the caller may see, found by the rooms
 * feature before.
 */
public class ActionService {

    /** Who adds and changes priority actions. */
    private static final Role[] CHANGE = {Role.MANAGER, Role.ADMIN};

    private final ActionRepository actions;
    private final AuditLog audit;

    public ActionService(ActionRepository actions, AuditLog audit) {
        this.actions = actions;
        this.audit = audit;
    }

    /** Late first, then open ones by due date, done last. */
    public List<PriorityAction> forRoom(SteeringRoom room) {
        return actions.forRoom(room.id());
    }

    /** How many priority actions of each room are late today. */
    public Map<Long, Integer> lateCounts(Collection<Long> roomIds) {
        return actions.lateCounts(roomIds);
    }

    public static boolean mayChange(Caller caller) {
        return caller.hasAny(CHANGE);
    }

    public long add(Caller caller, SteeringRoom room, ActionDraft draft) {
        caller.requireAny(CHANGE);
        check(room, draft);
        long id = actions.add(room.id(), draft, caller.username());
        audit.record(caller, "action-added", "room " + room.id() + " action " + id, draft.toString());
        return id;
    }

    public void update(Caller caller, SteeringRoom room, long actionId, ActionDraft draft) {
        caller.requireAny(CHANGE);
        if (actions.forRoom(room.id()).stream().noneMatch(a -> a.id() == actionId)) {
            throw new Refusal(Refusal.Reason.NOT_FOUND, "action.unknown", actionId);
        }
        check(room, draft);
        actions.update(actionId, draft);
        audit.record(caller, "action-changed", "room " + room.id() + " action " + actionId, draft.toString());
    }

    private static void check(SteeringRoom room, ActionDraft draft) {
        if (!draft.valid()) {
            throw new Invalid("actions.invalid");
        }
        if (draft.indicator() != null && !draft.indicator().isBlank() && !room.indicators().contains(draft.indicator())) {
            throw new Invalid("room.indicator-outside", draft.indicator());
        }
    }
}
