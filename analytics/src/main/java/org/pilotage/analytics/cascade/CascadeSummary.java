package org.pilotage.analytics.cascade;

import java.util.List;
import java.util.Map;

import org.pilotage.analytics.escalations.Escalation;

/**
 * A room's place in its cascade, as a report prints it: its child rooms at a glance and the escalations
 * it received and sent that are not closed, with the names of the rooms they name and the titles of the
 * priority actions they are about (by escalation id).
 */
public record CascadeSummary(List<RoomNode> children, List<Escalation> received, List<Escalation> sent, Map<Long, String> roomNames,
                             Map<Long, String> actionTitles) {

    public static final CascadeSummary NONE = new CascadeSummary(List.of(), List.of(), List.of(), Map.of(), Map.of());

    public boolean empty() {
        return children.isEmpty() && received.isEmpty() && sent.isEmpty();
    }

    public String name(long room) {
        return roomNames.getOrDefault(room, String.valueOf(room));
    }
}
