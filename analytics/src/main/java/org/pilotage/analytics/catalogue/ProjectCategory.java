package org.pilotage.analytics.catalogue;

import java.util.Optional;

/** The five categories projects are counted by (data contract, project-counts). */
public enum ProjectCategory {
    INTEGRATING_USERS("integrating-users"),
    VALUES_PREFERENCES("values-preferences"),
    EXPERIENCE_CAPTURE("experience-capture"),
    CARE_PARTNER("care-partner"),
    IMPROVEMENT_COLLABORATOR("improvement-collaborator");

    private final String code;

    ProjectCategory(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<ProjectCategory> parse(String code) {
        for (ProjectCategory c : values()) {
            if (c.code.equals(code)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
