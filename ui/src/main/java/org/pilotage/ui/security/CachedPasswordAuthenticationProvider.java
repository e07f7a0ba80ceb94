package org.pilotage.ui.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * HTTP Basic for scripts and wall-screen snapshots: a password that passed the slow hash (bcrypt)
 * is remembered for a short while, as a keyed digest that lives only in this process, so that a
 * script's hundred calls do not each spend ~70 ms of CPU on bcrypt. The user is looked up again on every
 * call (in the repository's memory, which any change to a user empties), so a disabled account or changed
 * roles apply at once; a failed check forgets the entry.
 */
final class CachedPasswordAuthenticationProvider implements AuthenticationProvider {

    private static final int MAX_ENTRIES = 10_000;

    private final AuthenticationProvider delegate;
    private final UserDetailsService users;
    private final Duration ttl;
    private final Clock clock;
    private final SecretKeySpec key;
    private final ConcurrentHashMap<String, Entry> verified = new ConcurrentHashMap<>();

    private record Entry(byte[] digest, String storedHash, Instant expires) {
    }

    CachedPasswordAuthenticationProvider(AuthenticationProvider delegate, UserDetailsService users, Duration ttl, Clock clock) {
        this.delegate = delegate;
        this.users = users;
        this.ttl = ttl;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (username == null || !(credentials instanceof String password)) {
            return delegate.authenticate(authentication);
        }
        byte[] digest = digest(username, password);
        Entry entry = verified.get(username);
        UserDetails current = entry == null ? null : users.loadUserByUsername(username);
        // A changed password (another stored hash) makes the remembered one worthless at once.
        if (entry != null && entry.expires().isAfter(clock.instant()) && MessageDigest.isEqual(entry.digest(), digest)
                && java.util.Objects.equals(entry.storedHash(), current.getPassword())) {
            UserDetails user = current;
            if (!user.isEnabled()) {
                verified.remove(username);
                throw new DisabledException("account disabled");
            }
            if (!user.isAccountNonLocked()) {
                verified.remove(username);
                throw new org.springframework.security.authentication.LockedException("account locked");
            }
            UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(user, null,
                    user.getAuthorities());
            result.setDetails(authentication.getDetails());
            return result;
        }
        try {
            Authentication result = delegate.authenticate(authentication);
            if (result != null && result.isAuthenticated()) {
                if (verified.size() >= MAX_ENTRIES) {
                    verified.clear();
                }
                String stored = result.getPrincipal() instanceof UserDetails u && u.getPassword() != null ? u.getPassword()
                        : users.loadUserByUsername(username).getPassword();
                verified.put(username, new Entry(digest, stored, clock.instant().plus(ttl)));
            }
            return result;
        } catch (AuthenticationException e) {
            verified.remove(username);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private byte[] digest(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
