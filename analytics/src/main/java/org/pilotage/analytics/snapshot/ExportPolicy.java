package org.pilotage.analytics.snapshot;

import org.pilotage.analytics.access.Caller;
import org.pilotage.analytics.access.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may download snapshots, reports and data: executives and admins; managers too when
 * {@code pilotage.exports.managers-may-download=true}.
 */
@ConfigurationProperties(prefix = "pilotage.exports")
public record ExportPolicy(@DefaultValue("false") boolean managersMayDownload) {

    public boolean mayDownload(Caller caller) {
        return caller.hasAny(Role.EXECUTIVE, Role.ADMIN) || managersMayDownload && caller.has(Role.MANAGER);
    }
}
