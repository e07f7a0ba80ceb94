package org.pilotage.analytics.users;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.pilotage.analytics.access.Caller;
import org.pilotage.analytics.access.Role;
import org.pilotage.analytics.audit.AuditLog;
import org.pilotage.analytics.text.Invalid;
import org.pilotage.analytics.text.Refusal;
import org.pilotage.analytics.text.Sentence;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The users of Pilotage, for admins: create with the password policy, change roles and establishments,
 * disable or enable (never oneself), set a new password. Each change is audited.
 */
public class UserService {

    private static final String NAME = "[a-z0-9._-]{2,40}";

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final AuditLog audit;

    public UserService(UserRepository users, PasswordEncoder encoder, AuditLog audit) {
        this.users = users;
        this.encoder = encoder;
        this.audit = audit;
    }

    public List<Account> list(Caller caller) {
        caller.requireAny(Role.ADMIN);
        return users.list();
    }

    public void create(Caller caller, String username, String displayName, Set<Role> roles, Set<String> establishments, String password) {
        caller.requireAny(Role.ADMIN);
        String name = username == null ? "" : username.strip();
        List<Sentence> problems = new ArrayList<>();
        if (!name.matches(NAME)) {
            problems.add(Sentence.of("users.error.username"));
        } else if (users.exists(name)) {
            problems.add(Sentence.of("users.error.exists"));
        }
        if (roles.isEmpty()) {
            problems.add(Sentence.of("users.error.roles"));
        }
        problems.addAll(PasswordPolicy.problems(name, password));
        Invalid.check(problems);
        users.insert(name, encoder.encode(password), displayName, roles, establishments);
        audit.record(caller, "user-created", "user " + name, roles + " " + establishments);
    }

    public void update(Caller caller, String username, String displayName, Set<Role> roles, Set<String> establishments) {
        caller.requireAny(Role.ADMIN);
        require(username);
        Invalid.check(roles.isEmpty() ? List.of(Sentence.of("users.error.roles")) : List.of());
        users.update(username, displayName, roles, establishments);
        audit.record(caller, "user-changed", "user " + username, roles + " " + establishments);
    }

    /** Disables or enables a user; nobody locks themselves out. */
    public void setEnabled(Caller caller, String username, boolean enabled) {
        caller.requireAny(Role.ADMIN);
        require(username);
        if (username.equals(caller.username())) {
            throw new Refusal(Refusal.Reason.CONFLICT, "users.error.self");
        }
        users.setEnabled(username, enabled);
        audit.record(caller, enabled ? "user-enabled" : "user-disabled", "user " + username, null);
    }

    public void resetPassword(Caller caller, String username, String password) {
        caller.requireAny(Role.ADMIN);
        require(username);
        Invalid.check(PasswordPolicy.problems(username, password));
        users.setPassword(username, encoder.encode(password));
        audit.record(caller, "password-reset", "user " + username, null);
    }

    /** The users the service itself creates at start-up: the demo users, or the first administrator. */
    public void createInitial(String username, String password, String displayName, Set<Role> roles) {
        createInitial(username, password, displayName, roles, Set.of());
    }

    /** The same, limited to some establishments (empty = every one); nothing happens when the name is taken. */
    public void createInitial(String username, String password, String displayName, Set<Role> roles, Set<String> establishments) {
        if (!users.exists(username)) {
            users.insert(username, encoder.encode(password), displayName, roles, establishments);
        }
    }

    public boolean exists(String username) {
        return users.exists(username);
    }

    public long count() {
        return users.count();
    }

    private void require(String username) {
        if (username == null || !users.exists(username)) {
            throw new Refusal(Refusal.Reason.NOT_FOUND, "users.error.unknown", String.valueOf(username));
        }
    }
}
