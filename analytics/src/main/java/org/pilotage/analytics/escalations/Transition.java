package org.pilotage.analytics.escalations;

import java.time.LocalDate;

/**
 * A move of an escalation to another status, with its text. Taking one in charge links a priority action
 * of the parent room ({@code actionId}) or creates one (title, owner and due date, each with a default).
 */
public record Transition(EscalationStatus to, String text, Long actionId, String actionTitle, String actionOwner,
                         LocalDate actionDue) {

    public Transition {
        text = text == null || text.isBlank() ? null : text.strip();
    }

    public static Transition to(EscalationStatus to, String text) {
        return new Transition(to, text, null, null, null, null);
    }
}
