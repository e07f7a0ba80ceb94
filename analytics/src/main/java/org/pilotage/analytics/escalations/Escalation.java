package org.pilotage.analytics.escalations;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * An item a room sent up to its parent room: an indicator of a month (with its figures as they were
 * when it was sent) or one of its priority actions.
 *
 * @param figures       the indicator's value, target and status when it was sent (null for an action)
 * @param answer        the parent room's last answer, decision or explanation
 * @param takenActionId the parent room's priority action that takes it in charge
 * @param originId      the escalation this one carries further up
 * @param escalatedAs   the escalation that carries this one further up
 */
public record Escalation(long id, long fromRoom, long toRoom, String indicator, YearMonth period, Long actionId, String reason,
                         String ask, LocalDate answerBy, EscalationStatus status, int version, Figures figures, String answer,
                         Long takenActionId, Long originId, Long escalatedAs, String createdBy, Instant createdAt,
                         Instant updatedAt) {

    /** An indicator's figures when it was escalated; {@code status} is the code of its status then. */
    public record Figures(Double value, Double target, String status) {
    }

    public boolean aboutIndicator() {
        return indicator != null;
    }

    /** Past its requested date without an answer: it stands out in both rooms. */
    public boolean overdue(LocalDate today) {
        return status.unanswered() && answerBy.isBefore(today);
    }
}
