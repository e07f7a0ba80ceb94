package org.pilotage.ui.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.pilotage.analytics.access.Role;
import org.pilotage.analytics.users.UserRepository;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** The users of the store as Spring Security signs them in: roles (an admin holds them all), establishments, lock-out. */
@Service
public class AccountDetails implements UserDetailsService {

    private final UserRepository users;
    private final LoginAttempts attempts;

    public AccountDetails(UserRepository users, LoginAttempts attempts) {
        this.users = users;
        this.attempts = attempts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return users.find(username).map(c -> User.withUsername(c.account().username())
                        .password(c.passwordHash())
                        .authorities(authorities(c.account().roles(), c.account().establishments()))
                        .disabled(!c.account().enabled())
                        .accountLocked(attempts.locked(username))
                        .build())
                .orElseGet(() -> {
                    // A name that is no account is locked like an account after as many failures: the answer must not
                    // tell which names exist. Its password matches nothing.
                    if (attempts.locked(username)) {
                        return User.withUsername(username).password("{noop}" + UUID.randomUUID()).authorities(List.of())
                                .accountLocked(true).build();
                    }
                    throw new UsernameNotFoundException("unknown user");
                });
    }

    static List<GrantedAuthority> authorities(Set<Role> roles, Set<String> establishments) {
        Set<Role> granted = new LinkedHashSet<>();
        roles.forEach(r -> granted.addAll(r.granted()));
        List<GrantedAuthority> all = new ArrayList<>();
        granted.forEach(r -> all.add(new SimpleGrantedAuthority("ROLE_" + r.name())));
        establishments.forEach(e -> all.add(new SimpleGrantedAuthority(CurrentCaller.ESTABLISHMENT + e)));
        return all;
    }
}
