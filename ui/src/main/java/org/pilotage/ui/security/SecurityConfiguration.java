package org.pilotage.ui.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.pilotage.analytics.access.Role;
import org.pilotage.analytics.text.Sentence;
import org.pilotage.ui.web.ApiError;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Three filter chains: the REST API (HTTP Basic, stateless, JSON errors), the actuator (health
 * open to all, the rest to admins) and the Vaadin UI (French login form).
 */
@Configuration
@EnableWebSecurity
public class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, AccountDetails users, PasswordEncoder encoder,
                                 AuthenticationEventPublisher events) throws Exception {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        ProviderManager api = new ProviderManager(new CachedPasswordAuthenticationProvider(passwords, users,
                Duration.ofMinutes(1), Clock.systemUTC()));
        api.setAuthenticationEventPublisher(events); // failed API logins count towards the lock-out too
        http.securityMatcher("/api/**")
                .authenticationManager(api)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/ingestions", "/api/ingestions/**").hasAnyRole(Role.ROLE_STEWARD, Role.ROLE_ADMIN)
                        .requestMatchers("/api/rooms", "/api/rooms/**", "/api/escalations/**", "/api/meetings/**", "/api/series",
                                "/api/project-counts")
                                .hasAnyRole(Role.ROLE_MANAGER, Role.ROLE_EXECUTIVE, Role.ROLE_ADMIN)
                        .anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(SecurityConfiguration::unauthorized))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .headers(SecurityConfiguration::headers)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(SecurityConfiguration::unauthorized)
                        .accessDeniedHandler((req, res, ex) -> write(res, HttpServletResponse.SC_FORBIDDEN,
                                ApiError.say(req, Sentence.of("api.forbidden")))));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain actuatorChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().hasRole(Role.ROLE_ADMIN))
                .httpBasic(b -> b.authenticationEntryPoint(SecurityConfiguration::unauthorized))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(SecurityConfiguration::headers)
                .csrf(c -> c.disable());
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain uiChain(HttpSecurity http) throws Exception {
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
        http.headers(SecurityConfiguration::headers);
        return http.build();
    }

    /**
     * Security headers on every answer: no sniffing, no framing by other sites, no referrer leaks, and a
     * content security policy that Vaadin's client works with (it needs inline styles and eval).
     */
    private static void headers(org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> h) {
        h.contentTypeOptions(c -> { })
                .frameOptions(f -> f.sameOrigin())
                .referrerPolicy(r -> r.policy(org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter
                        .ReferrerPolicy.SAME_ORIGIN))
                .contentSecurityPolicy(c -> c.policyDirectives(SecurityHeadersFilter.CSP));
    }

    private static void unauthorized(HttpServletRequest req, HttpServletResponse res,
                                     org.springframework.security.core.AuthenticationException e) throws java.io.IOException {
        res.setHeader("WWW-Authenticate", "Basic realm=\"Pilotage\", charset=\"UTF-8\"");
        if (e instanceof org.springframework.security.authentication.LockedException) {
            write(res, HttpServletResponse.SC_UNAUTHORIZED, ApiError.say(req,
                    Sentence.of("api.locked", LoginAttempts.MAX_FAILURES, LoginAttempts.LOCK.toMinutes())));
            return;
        }
        write(res, HttpServletResponse.SC_UNAUTHORIZED, ApiError.say(req, Sentence.of("api.unauthorized")));
    }

    private static void write(HttpServletResponse res, int status, String message) throws java.io.IOException {
        res.setStatus(status);
        res.setContentType("application/json");
        res.setCharacterEncoding(StandardCharsets.UTF_8.name());
        res.getWriter().write(ApiError.json(message));
    }
}
