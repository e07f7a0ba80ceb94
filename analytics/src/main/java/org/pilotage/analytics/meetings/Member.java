package org.pilotage.analytics.meetings;

/** A member of a room: who attends its meetings, with their role in the room; a member need not be a user. */
public record Member(long id, long roomId, String name, String role) {
}
