package org.pilotage.ui.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A password checked once by bcrypt is trusted for a minute; a wrong one, a disabled user or the end of the minute are not. */
class CachedPasswordAuthenticationProviderTest {

    final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    final AtomicReference<UserDetails> user = new AtomicReference<>(User.withUsername("executive")
            .password(encoder.encode("secret-1")).roles("EXECUTIVE").build());
    final AtomicInteger slowChecks = new AtomicInteger();
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-25T10:00:00Z"));
    final Clock clock = new Clock() {
        public ZoneOffset getZone() { return ZoneOffset.UTC; }
        public Clock withZone(java.time.ZoneId zone) { return this; }
        public Instant instant() { return now.get(); }
    };

    CachedPasswordAuthenticationProvider provider() {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(name -> user.get());
        dao.setPasswordEncoder(new PasswordEncoder() {
            public String encode(CharSequence raw) { return encoder.encode(raw); }
            public boolean matches(CharSequence raw, String encoded) {
                slowChecks.incrementAndGet();
                return encoder.matches(raw, encoded);
            }
        });
        return new CachedPasswordAuthenticationProvider(dao, name -> user.get(), Duration.ofMinutes(1), clock);
    }

    private static Authentication login(String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated("executive", password);
    }

    @Test
    void theSecondCallWithinAMinuteSkipsBcryptAndAWrongPasswordNeverDoes() {
        CachedPasswordAuthenticationProvider provider = provider();
        assertThat(provider.authenticate(login("secret-1")).getAuthorities()).extracting(Object::toString).contains("ROLE_EXECUTIVE");
        assertThat(provider.authenticate(login("secret-1")).isAuthenticated()).isTrue();
        assertThat(slowChecks).hasValue(1);

        assertThatThrownBy(() -> provider.authenticate(login("secret-2"))).isInstanceOf(BadCredentialsException.class);
        assertThat(slowChecks).hasValue(2);
        // The failure forgot the entry: the right password is checked by bcrypt again.
        provider.authenticate(login("secret-1"));
        assertThat(slowChecks).hasValue(3);
    }

    @Test
    void anExpiredEntryOrADisabledUserIsCheckedAgain() {
        CachedPasswordAuthenticationProvider provider = provider();
        provider.authenticate(login("secret-1"));
        now.set(now.get().plusSeconds(61));
        provider.authenticate(login("secret-1"));
        assertThat(slowChecks).hasValue(2);

        user.set(User.withUserDetails(user.get()).disabled(true).build());
        assertThatThrownBy(() -> provider.authenticate(login("secret-1"))).isInstanceOf(DisabledException.class);
    }

    @Test
    void aChangedPasswordMakesTheRememberedOneWorthlessAtOnce() {
        CachedPasswordAuthenticationProvider provider = provider();
        provider.authenticate(login("secret-1"));
        user.set(User.withUserDetails(user.get()).password(encoder.encode("secret-2")).build());
        assertThatThrownBy(() -> provider.authenticate(login("secret-1"))).isInstanceOf(BadCredentialsException.class);
        assertThat(provider.authenticate(login("secret-2")).isAuthenticated()).isTrue();
    }
}
