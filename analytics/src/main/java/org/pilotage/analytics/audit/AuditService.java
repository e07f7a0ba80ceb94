package org.pilotage.analytics.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.pilotage.analytics.access.Caller;
import org.pilotage.analytics.access.Role;
import org.pilotage.analytics.text.Messages;
import org.pilotage.analytics.text.SpreadsheetSafe;

/** The audit log as admins read it: filtered, newest first, and as a CSV file a French Excel opens. */
public class AuditService {

    public static final int LIMIT = 5_000;

    private final AuditLog log;

    public AuditService(AuditLog log) {
        this.log = log;
    }

    /** Events matching the filters (null = any), newest first, at most {@value #LIMIT}. */
    public List<AuditLog.Event> find(Caller caller, String username, String action, Instant since, Instant until) {
        caller.requireAny(Role.ADMIN);
        return log.find(username, action, since, until, LIMIT);
    }

    public List<String> actions(Caller caller) {
        caller.requireAny(Role.ADMIN);
        return log.actions();
    }

    /** UTF-8 with BOM, {@code ;}-separated, formulas neutralised: opens right in a French Excel. */
    public byte[] csv(List<AuditLog.Event> events, Locale locale) {
        StringBuilder out = new StringBuilder("\uFEFF").append(Messages.get("audit.csv.header", locale)).append("\r\n");
        for (AuditLog.Event e : events) {
            out.append(e.id()).append(';').append(e.at()).append(';')
                    .append(SpreadsheetSafe.csvField(e.username(), ';')).append(';')
                    .append(SpreadsheetSafe.csvField(e.action(), ';')).append(';')
                    .append(SpreadsheetSafe.csvField(e.target(), ';')).append(';')
                    .append(SpreadsheetSafe.csvField(e.detail(), ';')).append(';')
                    .append(SpreadsheetSafe.csvField(e.remote(), ';')).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
