package org.pilotage.ui.security;

import java.util.Collection;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Who may download snapshots, reports and data: executives and admins; managers too when
 * {@code pilotage.exports.managers-may-download=true}.
 */
@Component
public class ExportPolicy {

    private final boolean managers;

    public ExportPolicy(@Value("${pilotage.exports.managers-may-download:false}") boolean managers) {
        this.managers = managers;
    }

    public boolean mayDownload(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority).anyMatch(a -> a.equals("ROLE_EXECUTIVE")
                || a.equals("ROLE_ADMIN") || (managers && a.equals("ROLE_MANAGER")));
    }
}
