package org.pilotage.ui.security;

import com.vaadin.flow.server.VaadinRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who is asking. In a REST call the request's principal (Vaadin replaces the global security-context
 * strategy with one bound to its sessions, which the stateless API chain does not fill); in the UI,
 * the security context of the Vaadin session.
 */
final class CurrentUser {

    private CurrentUser() {
    }

    static Authentication authentication() {
        if (VaadinRequest.getCurrent() == null && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
                && servlet.getRequest().getUserPrincipal() instanceof Authentication principal) {
            return principal;
        }
        return SecurityContextHolder.getContext().getAuthentication();
    }
}
