package org.pilotage.ui.security;

import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

import com.vaadin.flow.server.VaadinRequest;
import org.pilotage.analytics.access.Caller;
import org.pilotage.analytics.access.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who is asking, as the feature services take it: name, roles, the establishments the account is limited
 * to (authorities {@code EST_<code>}) and the address the request came from. In a REST call from the
 * request's principal (Vaadin replaces the global security-context strategy with one bound to its
 * sessions, which the stateless API chain does not fill); in the UI from the Vaadin session.
 */
@Component
public class CurrentCaller {

    static final String ESTABLISHMENT = "EST_";

    public Caller get() {
        Authentication a = authentication();
        if (a == null || !a.isAuthenticated()) {
            return new Caller("?", Set.of(), Set.of(), remote());
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Set<String> establishments = new TreeSet<>();
        for (GrantedAuthority g : a.getAuthorities()) {
            String name = g.getAuthority();
            if (name == null) {
                continue;
            }
            if (name.startsWith(ESTABLISHMENT)) {
                establishments.add(name.substring(ESTABLISHMENT.length()));
            } else if (name.startsWith("ROLE_")) {
                try {
                    roles.add(Role.valueOf(name.substring("ROLE_".length())));
                } catch (IllegalArgumentException ignored) {
                    // not a role of Pilotage
                }
            }
        }
        return new Caller(a.getName(), roles, establishments, remote());
    }

    private static Authentication authentication() {
        if (VaadinRequest.getCurrent() == null && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
                && servlet.getRequest().getUserPrincipal() instanceof Authentication principal) {
            return principal;
        }
        return SecurityContextHolder.getContext().getAuthentication();
    }

    private static String remote() {
        VaadinRequest vaadin = VaadinRequest.getCurrent();
        if (vaadin != null) {
            return vaadin.getRemoteAddr();
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
            return servlet.getRequest().getRemoteAddr();
        }
        return null;
    }
}
