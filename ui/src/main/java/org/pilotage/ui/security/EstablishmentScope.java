package org.pilotage.ui.security;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * The establishments the current user may see: every one, or those their account is limited to
 * (authorities {@code EST_<code>}). Every query, room, chart, download and series is filtered by it
 * on the server.
 */
@Component
public class EstablishmentScope {

    static final String PREFIX = "EST_";

    /** The current user's scope. */
    public Scope current() {
        Authentication a = CurrentUser.authentication();
        Set<String> codes = new TreeSet<>();
        if (a != null) {
            for (GrantedAuthority g : a.getAuthorities()) {
                if (g.getAuthority() != null && g.getAuthority().startsWith(PREFIX)) {
                    codes.add(g.getAuthority().substring(PREFIX.length()));
                }
            }
        }
        return new Scope(codes);
    }

    /** @param establishments empty = all */
    public record Scope(Set<String> establishments) {

        public boolean all() {
            return establishments.isEmpty();
        }

        public boolean allows(String establishment) {
            return all() || establishments.contains(establishment);
        }

        /** The codes to bind in a query, or null when every establishment is allowed. */
        public List<String> codes() {
            return all() ? null : List.copyOf(establishments);
        }
    }
}
