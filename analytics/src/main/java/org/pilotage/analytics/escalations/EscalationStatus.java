package org.pilotage.analytics.escalations;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where an escalation stands. The parent room (the one it was sent to) takes it in charge, answers it,
 * returns it or carries it further up; the child room (the one that sent it) closes it when the answer
 * satisfies it, or opens it again.
 */
public enum EscalationStatus {
    OPEN, TAKEN_IN_CHARGE, ANSWERED, RETURNED, ESCALATED, CLOSED;

    /** Which room moves an escalation into a status. */
    public enum Side { PARENT, CHILD }

    /** The statuses this one may move to. */
    public Set<EscalationStatus> next() {
        return switch (this) {
            case OPEN, TAKEN_IN_CHARGE, ESCALATED -> {
                Set<EscalationStatus> next = EnumSet.of(ANSWERED, RETURNED, CLOSED, TAKEN_IN_CHARGE, ESCALATED);
                next.remove(this);
                yield next;
            }
            case ANSWERED, RETURNED -> EnumSet.of(CLOSED, OPEN);
            case CLOSED -> EnumSet.noneOf(EscalationStatus.class);
        };
    }

    public boolean mayMoveTo(EscalationStatus to) {
        return next().contains(to);
    }

    /** The room that moves an escalation into this status: the child opens again and closes, the parent does the rest. */
    public Side movedBy() {
        return this == OPEN || this == CLOSED ? Side.CHILD : Side.PARENT;
    }

    /** An answer, an explanation, the reason to go further up or to open again needs words; taking in charge and closing may go without. */
    public boolean needsText() {
        return this == ANSWERED || this == RETURNED || this == ESCALATED || this == OPEN;
    }

    /** Still waiting for the parent room's answer. */
    public boolean unanswered() {
        return this == OPEN || this == TAKEN_IN_CHARGE || this == ESCALATED;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<EscalationStatus> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (EscalationStatus s : values()) {
            if (s.name().equals(t)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
