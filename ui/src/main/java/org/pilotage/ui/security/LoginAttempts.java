package org.pilotage.ui.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import org.pilotage.analytics.audit.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Lock-out after repeated failed logins: {@value #MAX_FAILURES} wrong passwords within
 * {@link #WINDOW} lock the account for {@link #LOCK}. Every login, failed login and lock-out is
 * written to the audit log with the address it came from.
 */
@Component
public class LoginAttempts {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCK = Duration.ofMinutes(15);

    private record Failures(int count, Instant first, Instant lockedUntil) {
    }

    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();
    private final AuditLog audit;
    private final Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    public LoginAttempts(AuditLog audit) {
        this(audit, Clock.systemUTC());
    }

    LoginAttempts(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    public boolean locked(String username) {
        Failures f = failures.get(username);
        return f != null && f.lockedUntil() != null && f.lockedUntil().isAfter(clock.instant());
    }

    @EventListener
    public void failed(AuthenticationFailureBadCredentialsEvent event) {
        String user = String.valueOf(event.getAuthentication().getName());
        Instant now = clock.instant();
        Failures next = failures.compute(user, (k, f) -> {
            if (f == null || f.first().plus(WINDOW).isBefore(now) || (f.lockedUntil() != null && f.lockedUntil().isBefore(now))) {
                return new Failures(1, now, null);
            }
            int count = f.count() + 1;
            return new Failures(count, f.first(), count >= MAX_FAILURES ? now.plus(LOCK) : null);
        });
        audit.record(user, "login-failed", null, next.count() + "/" + MAX_FAILURES, remote(event.getAuthentication()));
        if (next.lockedUntil() != null && next.count() == MAX_FAILURES) {
            audit.record(user, "account-locked", null, "until " + next.lockedUntil(), remote(event.getAuthentication()));
        }
    }

    @EventListener
    public void refused(AbstractAuthenticationFailureEvent event) {
        if (!(event instanceof AuthenticationFailureBadCredentialsEvent)) {
            audit.record(String.valueOf(event.getAuthentication().getName()), "login-refused",
                    null, event.getException().getClass().getSimpleName(), remote(event.getAuthentication()));
        }
    }

    @EventListener
    public void succeeded(AuthenticationSuccessEvent event) {
        String user = event.getAuthentication().getName();
        failures.remove(user);
        // HTTP Basic authenticates every API call: only interactive logins (with a session) are worth a line.
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails d && d.getSessionId() != null) {
            audit.record(user, "login", null, null, d.getRemoteAddress());
        }
    }

    private static String remote(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
    }
}
