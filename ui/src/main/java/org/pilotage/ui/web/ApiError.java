package org.pilotage.ui.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.pilotage.analytics.text.Messages;
import org.pilotage.analytics.text.Sentence;

/** The body of every error answer: {@code {"error": "<one human sentence>"}}, French unless the caller asks for English. */
public record ApiError(String error) {

    /** The caller's language: French unless {@code Accept-Language} asks for English before French. */
    public static Locale locale(HttpServletRequest request) {
        String accept = request == null ? null : request.getHeader("Accept-Language");
        if (accept != null && !accept.isBlank()) {
            try {
                var ranges = Locale.LanguageRange.parse(accept);
                Locale best = Locale.lookup(ranges, java.util.List.of(Locale.FRENCH, Locale.ENGLISH));
                if (best != null && best.getLanguage().equals("en")) {
                    return Messages.ENGLISH;
                }
            } catch (IllegalArgumentException ignored) {
                // a malformed header gets the default language
            }
        }
        return Messages.FRENCH;
    }

    /** A sentence in the caller's language. */
    public static String say(HttpServletRequest request, Sentence sentence) {
        return sentence.in(locale(request));
    }

    /** Minimal JSON for places outside Spring MVC's message converters (security entry points). */
    public static String json(String message) {
        StringBuilder sb = new StringBuilder("{\"error\":\"");
        for (char c : message.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append("\"}").toString();
    }
}
