package org.pilotage.ui.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;


import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.pilotage.ui.api.ApiError;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
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
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, UserAccounts users, PasswordEncoder encoder) throws Exception {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        http.securityMatcher("/api/**")
                .authenticationManager(new ProviderManager(new CachedPasswordAuthenticationProvider(passwords, users,
                        Duration.ofMinutes(1), Clock.systemUTC())))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/ingestions", "/api/ingestions/**").hasAnyRole(Role.ROLE_STEWARD, Role.ROLE_ADMIN)
                        .requestMatchers("/api/rooms", "/api/rooms/**")
                                .hasAnyRole(Role.ROLE_MANAGER, Role.ROLE_EXECUTIVE, Role.ROLE_ADMIN)
                        .anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint((req, res, e) -> unauthorized(req, res)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> unauthorized(req, res))
                        .accessDeniedHandler((req, res, ex) -> write(res, HttpServletResponse.SC_FORBIDDEN,
                                ApiError.pick(req, "Votre rôle ne permet pas cette action.", "Your role does not allow this action."))));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain actuatorChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().hasRole(Role.ROLE_ADMIN))
                .httpBasic(b -> b.authenticationEntryPoint((req, res, e) -> unauthorized(req, res)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable());
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain uiChain(HttpSecurity http) throws Exception {
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
        return http.build();
    }

    private static void unauthorized(HttpServletRequest req, HttpServletResponse res) throws java.io.IOException {
        res.setHeader("WWW-Authenticate", "Basic realm=\"Pilotage\", charset=\"UTF-8\"");
        write(res, HttpServletResponse.SC_UNAUTHORIZED,
                ApiError.pick(req, "Identifiez-vous (HTTP Basic) pour utiliser l'API.", "Log in (HTTP Basic) to use the API."));
    }

    private static void write(HttpServletResponse res, int status, String message) throws java.io.IOException {
        res.setStatus(status);
        res.setContentType("application/json");
        res.setCharacterEncoding(StandardCharsets.UTF_8.name());
        res.getWriter().write(ApiError.json(message));
    }
}
