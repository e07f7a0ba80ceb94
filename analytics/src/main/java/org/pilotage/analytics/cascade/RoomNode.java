package org.pilotage.analytics.cascade;

import org.pilotage.analytics.rooms.SteeringRoom;

/**
 * A room of a cascade at a glance: how many of its indicators are red (below the commitment), amber
 * (commitment met) and green (on target) for the last complete month, its late priority actions and its
 * escalations sent or received that are not closed.
 *
 * @param depth 1 for a child of the room the tree hangs from, 2 for a grandchild…
 */
public record RoomNode(SteeringRoom room, int depth, int red, int amber, int green, int lateActions, int openEscalations) {
}
