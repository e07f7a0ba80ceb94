package org.pilotage.ui.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The security headers on every answer, the login page included (Vaadin serves it outside the paths
 * where Spring Security writes its own headers): no MIME sniffing, no framing by other sites, no
 * referrer to other sites, and a content security policy Vaadin's client works with.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SecurityHeadersFilter extends OncePerRequestFilter {

    /**
     * Scripts come from the service only; no inline script runs but those of Vaadin's bootstrap page, allowed there
     * by their hashes ({@link InlineScriptPolicy}). {@code 'unsafe-eval'} stays because Vaadin Flow's client turns
     * the server's JavaScript calls ({@code executeJs}, property and event expressions) into functions at run
     * time; {@code 'unsafe-inline'} stays for styles only, which Vaadin's components and the Lumo theme set on
     * elements. Checked by a browser test that no page breaks the policy.
     */
    static final String CSP = "default-src 'self'; script-src 'self' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Content-Security-Policy", CSP);
        chain.doFilter(request, response);
    }
}
