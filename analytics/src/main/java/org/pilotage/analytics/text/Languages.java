package org.pilotage.analytics.text;

import java.util.Locale;

/** The languages a request may ask for ({@code lang=fr|en}): French unless it says English. */
public final class Languages {

    private Languages() {
    }

    public static Locale parse(String lang) {
        if (lang == null || lang.isBlank() || lang.equalsIgnoreCase("fr")) {
            return Messages.FRENCH;
        }
        if (lang.equalsIgnoreCase("en")) {
            return Messages.ENGLISH;
        }
        throw new Invalid("request.language", lang);
    }
}
