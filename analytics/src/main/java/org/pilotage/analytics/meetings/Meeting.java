package org.pilotage.analytics.meetings;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * A steering-room meeting: OPEN while it runs, CLOSED once archived (nothing of it changes afterwards).
 *
 * @param period          the month the board showed
 * @param currentPosition the position of the item on screen
 * @param itemStartedAt   when that item's time box started
 */
public record Meeting(long id, long roomId, Status status, YearMonth period, int plannedMinutes, int currentPosition,
                      Instant itemStartedAt, Roles roles, String startedBy, Instant startedAt, String closedBy, Instant closedAt,
                      int version) {

    public enum Status { OPEN, CLOSED }

    /** The roles of the day: who facilitates, keeps the time and writes the minutes. */
    public record Roles(String facilitator, String timekeeper, String secretary) {
        public static final Roles NONE = new Roles(null, null, null);
    }

    public boolean open() {
        return status == Status.OPEN;
    }

    /** An item of the agenda. */
    public record Item(long id, long meetingId, int position, ItemKind kind, String ref, String title, String detail, String status,
                       boolean isNew, int seconds, boolean dropped) {
    }

    public enum ItemKind { INDICATOR, ACTION, ESCALATION, ANSWER, OTHER }

    /** A member's presence at the meeting, with the name and role they had then. */
    public record Attendance(long memberId, String name, String role, Presence presence) {
    }

    /** A decision recorded on an item, with the priority action it created or changed and the escalation it raised. */
    public record Decision(long id, long meetingId, long itemId, String text, Long actionId, Long escalationId, String recordedBy,
                           Instant recordedAt) {
    }

    /** A meeting whole: itself, its agenda, attendance and decisions. */
    public record Record(Meeting meeting, List<Item> items, List<Attendance> attendance, List<Decision> decisions) {

        public List<Item> agenda() {
            return items.stream().filter(i -> !i.dropped()).toList();
        }

        public List<Decision> decisionsOn(long itemId) {
            return decisions.stream().filter(d -> d.itemId() == itemId).toList();
        }
    }

    /** A line of a room's meeting history. */
    public record Summary(long id, Status status, Instant startedAt, Instant closedAt, int plannedMinutes, int present, int members,
                          int decisions) {
    }

    /** Where a meeting is, by the clock: the item on screen and the time left of its box and of the whole meeting (negative past it). */
    public record Clock(int position, long itemSecondsLeft, long meetingSecondsLeft) {
    }
}
