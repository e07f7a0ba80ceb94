package org.pilotage.analytics.access;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The four roles of the operational contract. */
public enum Role {
    MANAGER, EXECUTIVE, STEWARD, ADMIN;

    public static final String ROLE_MANAGER = "MANAGER";
    public static final String ROLE_EXECUTIVE = "EXECUTIVE";
    public static final String ROLE_STEWARD = "STEWARD";
    public static final String ROLE_ADMIN = "ADMIN";

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** An admin may do all that the other roles may. */
    public Set<Role> granted() {
        return this == ADMIN ? EnumSet.allOf(Role.class) : EnumSet.of(this);
    }
}
