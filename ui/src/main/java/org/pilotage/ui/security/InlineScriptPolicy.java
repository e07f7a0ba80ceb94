package org.pilotage.ui.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.communication.IndexHtmlResponse;
import org.jsoup.nodes.Element;
import org.springframework.stereotype.Component;

/**
 * The few inline scripts of Vaadin's bootstrap page (browser check, globals, the form-login CSRF helper)
 * are allowed by their SHA-256 in that page's content security policy, computed from the page itself,
 * so that no other inline script can run there.
 */
@Component
public class InlineScriptPolicy implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(InlineScriptPolicy::allowItsOwnScripts);
    }

    static void allowItsOwnScripts(IndexHtmlResponse response) {
        Set<String> hashes = new LinkedHashSet<>();
        for (Element script : response.getDocument().select("script:not([src])")) {
            hashes.add("'sha256-" + sha256(script.data()) + "'");
        }
        response.getVaadinResponse().setHeader("Content-Security-Policy",
                SecurityHeadersFilter.CSP.replace("script-src 'self' 'unsafe-eval';",
                        "script-src 'self' 'unsafe-eval' " + String.join(" ", hashes) + ";"));
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
