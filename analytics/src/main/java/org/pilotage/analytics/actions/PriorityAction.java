package org.pilotage.analytics.actions;

import java.time.LocalDate;

/**
 * A room's priority action.
 *
 * @param late not done and past its due date (derived)
 */
public record PriorityAction(long id, long roomId, String title, String owner, LocalDate dueDate, ActionStatus status,
                             String indicator, boolean late) {
}
