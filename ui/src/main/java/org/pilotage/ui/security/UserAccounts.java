package org.pilotage.ui.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** The users of Pilotage, kept in the store with hashed passwords. */
@Service
public class UserAccounts implements UserDetailsService {

    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;
    private final LoginAttempts attempts;

    public UserAccounts(JdbcTemplate jdbc, PasswordEncoder encoder, LoginAttempts attempts) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.attempts = attempts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.query("SELECT username, password_hash, roles, enabled, establishments FROM app_user WHERE username = ?",
                (rs, i) -> User.withUsername(rs.getString("username"))
                        .password(rs.getString("password_hash"))
                        .authorities(authorities(rs.getString("roles"), rs.getArray("establishments")))
                        .disabled(!rs.getBoolean("enabled"))
                        .accountLocked(attempts.locked(username))
                        .build(),
                username).stream().findFirst()
                .orElseGet(() -> {
                    // A name that is no account is locked like an account after as many failures: the answer must not
                    // tell which names exist. Its password matches nothing.
                    if (attempts.locked(username)) {
                        return User.withUsername(username).password("{noop}" + java.util.UUID.randomUUID()).authorities(List.of())
                                .accountLocked(true).build();
                    }
                    throw new UsernameNotFoundException("unknown user");
                });
    }

    public long count() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM app_user", Long.class);
        return n == null ? 0 : n;
    }

    public boolean exists(String username) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM app_user WHERE username = ?", Long.class, username);
        return n != null && n > 0;
    }

    public void create(String username, String rawPassword, String displayName, Set<Role> roles) {
        create(username, rawPassword, displayName, roles, Set.of());
    }

    /** @param establishments the establishments the user is limited to; empty = all */
    public void create(String username, String rawPassword, String displayName, Set<Role> roles, Set<String> establishments) {
        jdbc.update("INSERT INTO app_user (username, password_hash, roles, display_name, establishments) "
                        + "VALUES (?, ?, ?, ?, split_codes(?))",
                username, encoder.encode(rawPassword),
                roles.stream().map(Role::code).sorted().collect(Collectors.joining(",")), displayName,
                String.join("\u001F", new java.util.TreeSet<>(establishments)));
    }

    /** A user as admins see them. */
    public record Account(String username, String displayName, Set<Role> roles, Set<String> establishments, boolean enabled) {
    }

    public List<Account> list() {
        return jdbc.query("SELECT username, display_name, roles, establishments, enabled FROM app_user ORDER BY username", (rs, i) -> {
            Set<Role> roles = new java.util.TreeSet<>();
            for (String r : rs.getString("roles").split(",")) {
                if (!r.isBlank()) {
                    roles.add(Role.valueOf(r.strip().toUpperCase(Locale.ROOT)));
                }
            }
            Set<String> establishments = new java.util.TreeSet<>();
            java.sql.Array a = rs.getArray("establishments");
            if (a != null) {
                for (Object o : (Object[]) a.getArray()) {
                    establishments.add(String.valueOf(o));
                }
            }
            return new Account(rs.getString("username"), rs.getString("display_name"), roles, establishments, rs.getBoolean("enabled"));
        });
    }

    /** Changes a user's name, roles and establishments. */
    public void update(String username, String displayName, Set<Role> roles, Set<String> establishments) {
        jdbc.update("UPDATE app_user SET display_name = ?, roles = ?, establishments = split_codes(?) WHERE username = ?",
                displayName, roles.stream().map(Role::code).sorted().collect(Collectors.joining(",")),
                String.join("\u001F", new java.util.TreeSet<>(establishments)), username);
    }

    public void setEnabled(String username, boolean enabled) {
        jdbc.update("UPDATE app_user SET enabled = ? WHERE username = ?", enabled, username);
    }

    /** Sets a new password (the caller checked it against the policy). */
    public void resetPassword(String username, String rawPassword) {
        jdbc.update("UPDATE app_user SET password_hash = ? WHERE username = ?", encoder.encode(rawPassword), username);
    }

    static Collection<GrantedAuthority> authorities(String roles, java.sql.Array establishments) throws java.sql.SQLException {
        List<GrantedAuthority> all = new java.util.ArrayList<>(authorities(roles));
        if (establishments != null) {
            for (Object code : (Object[]) establishments.getArray()) {
                all.add(new SimpleGrantedAuthority(EstablishmentScope.PREFIX + code));
            }
        }
        return all;
    }

    static Collection<GrantedAuthority> authorities(String roles) {
        Set<Role> granted = new LinkedHashSet<>();
        Arrays.stream(roles.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(s -> Role.valueOf(s.toUpperCase(Locale.ROOT)))
                .forEach(r -> granted.addAll(r.granted()));
        return granted.stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
    }
}
