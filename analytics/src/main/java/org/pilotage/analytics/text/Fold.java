package org.pilotage.analytics.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Case-, accent- and blank-insensitive form of a name, as stewards type column names and codes. */
public final class Fold {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Fold() {
    }

    public static String fold(String s) {
        if (s == null) {
            return "";
        }
        String stripped = s.strip();
        if (!stripped.isEmpty() && stripped.charAt(0) == '\uFEFF') {
            stripped = stripped.substring(1).strip();
        }
        return MARKS.matcher(Normalizer.normalize(stripped, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
    }
}
