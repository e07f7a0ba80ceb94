package org.pilotage.analytics.text;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every sentence Pilotage shows, in French (first) and English: the message bundles
 * {@code pilotage/i18n/<module>.properties} and {@code <module>_en.properties} of each module, one
 * key in one bundle only. Values are {@link MessageFormat} patterns (a quote is written {@code ''});
 * plurals with {@code choice} ({@code {0,choice,0#ligne|1#ligne|1<lignes}}: 0 and 1 are singular in
 * French). Numbers are grouped with a no-break space in French, months and dates written out.
 */
public final class Messages {

    public static final Locale FRENCH = Locale.CANADA_FRENCH;
    public static final Locale ENGLISH = Locale.CANADA;

    /** The modules' bundles, searched in this order. */
    public static final List<String> BUNDLES = List.of("pilotage/i18n/ui", "pilotage/i18n/ingestion", "pilotage/i18n/analytics");

    private static final ConcurrentHashMap<String, Object> PATTERNS = new ConcurrentHashMap<>();
    private static final Object MISSING = new Object();
    /** A sentence as earlier versions stored them: French words, ending with a period, no Java or engine text in it. */
    private static final java.util.regex.Pattern LEGACY = java.util.regex.Pattern.compile(
            "(?s)(?!.*(Exception|Error|java\\.|org\\.|/))[\\p{Lu}].*[.)]");

    private Messages() {
    }

    /** French unless the locale's language is English. */
    public static Locale effective(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? ENGLISH : FRENCH;
    }

    public static boolean english(Locale locale) {
        return effective(locale) == ENGLISH;
    }

    public static String get(String key, Locale locale, Object... args) {
        Locale l = effective(locale);
        String pattern = pattern(key, l);
        if (pattern == null) {
            return "!" + key;
        }
        Object[] shown = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            shown[i] = shown(args[i], l);
        }
        String text = new MessageFormat(pattern, l).format(shown);
        // Java writes French thousands with a narrow no-break space; French typography here uses the no-break space.
        return l == FRENCH ? text.replace('\u202F', '\u00A0') : text;
    }

    /** Whether a bundle holds the key. */
    public static boolean has(String key) {
        return pattern(key, FRENCH) != null;
    }

    public static String render(Sentence sentence, Locale locale) {
        if (sentence == null) {
            return null;
        }
        if (!has(sentence.key())) {
            // A French sentence stored before sentences had keys is shown as it was; anything else is no sentence to show.
            return sentence.args().isEmpty() && LEGACY.matcher(sentence.key()).matches() ? sentence.key() : get("text.unavailable", locale);
        }
        return get(sentence.key(), locale, sentence.args().toArray());
    }

    private static Object shown(Object arg, Locale locale) {
        if (arg instanceof Sentence s) {
            return render(s, locale);
        }
        if (arg instanceof YearMonth m) {
            return DateTimeFormatter.ofPattern("MMMM yyyy", locale).format(m);
        }
        if (arg instanceof LocalDate d) {
            return DateTimeFormatter.ofPattern(locale == FRENCH ? "d MMMM yyyy" : "MMMM d, yyyy", locale).format(d);
        }
        return arg;
    }

    private static String pattern(String key, Locale locale) {
        Object found = PATTERNS.computeIfAbsent(locale.toLanguageTag() + "|" + key, k -> {
            for (String base : BUNDLES) {
                try {
                    ResourceBundle bundle = ResourceBundle.getBundle(base, locale,
                            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
                    if (bundle.containsKey(key)) {
                        return bundle.getString(key);
                    }
                } catch (MissingResourceException ignored) {
                    // this module is not on the classpath
                }
            }
            return MISSING;
        });
        return found == MISSING ? null : (String) found;
    }

    /** The keys of every bundle present, for the checks of the translations. */
    public static List<String> bundlesPresent() {
        List<String> present = new ArrayList<>();
        for (String base : BUNDLES) {
            if (Messages.class.getClassLoader().getResource(base + ".properties") != null) {
                present.add(base);
            }
        }
        return present;
    }
}
