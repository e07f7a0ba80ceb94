package org.pilotage.ui.security;

import com.vaadin.flow.server.VaadinRequest;
import org.pilotage.analytics.audit.AuditLog;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Records a sensitive act of the current user, with the address the request came from, in the audit log. */
@Component
public class AuditTrail {

    private final AuditLog audit;

    public AuditTrail(AuditLog audit) {
        this.audit = audit;
    }

    public void record(String action, String target, String detail) {
        Authentication user = CurrentUser.authentication();
        audit.record(user == null ? "?" : user.getName(), action, target, detail, remote());
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
