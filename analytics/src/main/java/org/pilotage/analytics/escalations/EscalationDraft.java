package org.pilotage.analytics.escalations;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * What a manager sends up: an indicator of a month or a priority action of the room, why, what is asked,
 * and by when an answer is wanted (null: the default).
 *
 * @param toRoomId the room it is meant for, when the sender names one: it must be the parent room
 */
public record EscalationDraft(String indicator, YearMonth period, Long actionId, String reason, String ask, LocalDate answerBy,
                              Long toRoomId) {

    public EscalationDraft {
        indicator = indicator == null || indicator.isBlank() ? null : indicator.strip();
        reason = reason == null ? "" : reason.strip();
        ask = ask == null || ask.isBlank() ? null : ask.strip();
    }

    public static EscalationDraft indicator(String indicator, YearMonth period, String reason, String ask, LocalDate answerBy) {
        return new EscalationDraft(indicator, period, null, reason, ask, answerBy, null);
    }

    public static EscalationDraft action(long actionId, String reason, String ask, LocalDate answerBy) {
        return new EscalationDraft(null, null, actionId, reason, ask, answerBy, null);
    }
}
