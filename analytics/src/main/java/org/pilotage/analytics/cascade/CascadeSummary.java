package org.pilotage.analytics.cascade;

import java.util.List;
import java.util.Map;

import org.pilotage.analytics.escalations.Escalation;

/**
 * A room's place in its cascade, as a report prints it: its child rooms at a glance and the escalations
 * it received and sent that are not closed, with the names of the rooms they name.
 */
public record CascadeSummary(List<RoomNode> children, List<Escalation> received, List<Escalation> sent, Map<Long, String> roomNames) {

    public static final CascadeSummary NONE = new CascadeSummary(List.of(), List.of(), List.of(), Map.of());

    public boolean empty() {
        return children.isEmpty() && received.isEmpty() && sent.isEmpty();
    }

    public String name(long room) {
        return roomNames.getOrDefault(room, String.valueOf(room));
    }
}
