package org.pilotage.analytics.actions;

import java.util.Optional;

/** The status a manager sets on a priority action; "late" is derived, never set. */
public enum ActionStatus {
    TODO("todo"), IN_PROGRESS("in-progress"), DONE("done");

    private final String code;

    ActionStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<ActionStatus> parse(String code) {
        for (ActionStatus s : values()) {
            if (s.code.equals(code)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
