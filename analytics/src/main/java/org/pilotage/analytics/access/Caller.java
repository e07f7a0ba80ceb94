package org.pilotage.analytics.access;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.pilotage.analytics.text.Refusal;

/**
 * Who asks a feature service for something: their name, the roles they hold (an admin holds all), the
 * establishments they are limited to (empty = every one) and the address the request came from. Views
 * and controllers build it from the security context; services decide with it.
 */
public record Caller(String username, Set<Role> roles, Set<String> establishments, String remote) {

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        establishments = Set.copyOf(new TreeSet<>(establishments));
    }

    /** The service itself (start-up, demo data): every role, every establishment. */
    public static Caller system() {
        return new Caller("system", EnumSet.allOf(Role.class), Set.of(), null);
    }

    /** The same caller, asking from another address (a download the page's caller started). */
    public Caller at(String address) {
        return new Caller(username, roles, establishments, address);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... any) {
        for (Role r : any) {
            if (roles.contains(r)) {
                return true;
            }
        }
        return false;
    }

    /** Refuses (403, «your role does not allow this») a caller who holds none of the roles. */
    public void requireAny(Role... any) {
        if (!hasAny(any)) {
            throw new Refusal(Refusal.Reason.FORBIDDEN, "access.forbidden");
        }
    }

    /** Limited to no establishment in particular. */
    public boolean allEstablishments() {
        return establishments.isEmpty();
    }

    public boolean allows(String establishment) {
        return establishments.isEmpty() || establishments.contains(establishment);
    }

    /** The codes to bind in a query, or null when every establishment is allowed. */
    public List<String> establishmentCodes() {
        return establishments.isEmpty() ? null : List.copyOf(new TreeSet<>(establishments));
    }
}
