package org.pilotage.analytics.escalations;

import java.time.Instant;

/** One step of an escalation's thread: who moved it, when, from which status (null when it was sent) to which, with what text. */
public record EscalationEvent(Instant at, String by, EscalationStatus from, EscalationStatus to, String text) {
}
