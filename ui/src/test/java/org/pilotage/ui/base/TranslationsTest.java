package org.pilotage.ui.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.pilotage.analytics.catalogue.IndicatorUnit;
import org.pilotage.analytics.text.Messages;
import org.pilotage.analytics.text.Sentence;

/**
 * One mechanism for every sentence, French first and English too: each module's bundle holds the same
 * keys in both languages, a key lives in one bundle only, every key the code names exists, every value
 * is a valid pattern, plurals agree, and no main class of any module holds a French sentence of its own.
 */
class TranslationsTest {

    private static final List<String> MODULES = List.of("sql", "analytics", "ingestion", "ui");

    /** A key as the code names it: {@code "room.unknown-id"}, {@code "ingestion.status.FAILED"}. */
    private static final Pattern KEY_LITERAL = Pattern.compile("\"([a-z][a-z0-9-]*(?:\\.[a-zA-Z0-9-]+)+)\"");

    /** Calls whose first text argument is a message key. */
    private static final Pattern KEY_CALL = Pattern.compile(
            "(?:getTranslation|Sentence\\.of|Messages\\.get|new Invalid|new Refusal|new IngestionRefusedException"
                    + "|new UnreadableFileException|\\.get|\\.say)\\((?:[A-Za-z_.]+,\\s*)?\"([a-z][a-z0-9-]*(?:\\.[a-zA-Z0-9-]+)+)\"");

    private static Properties bundle(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = TranslationsTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Map<String, Properties> bundles(String language) throws Exception {
        Map<String, Properties> all = new HashMap<>();
        for (String base : Messages.BUNDLES) {
            all.put(base, bundle(base + (language.equals("fr") ? "" : "_" + language) + ".properties"));
        }
        return all;
    }

    private static Set<String> allKeys() throws Exception {
        Set<String> keys = new TreeSet<>();
        for (Properties p : bundles("fr").values()) {
            keys.addAll(p.stringPropertyNames());
        }
        return keys;
    }

    private static List<Path> mainSources() throws Exception {
        List<Path> files = new ArrayList<>();
        for (String module : MODULES) {
            Path root = Path.of("..", module, "src", "main", "java");
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(f -> f.toString().endsWith(".java")).forEach(files::add);
                }
            }
        }
        assertThat(files).hasSizeGreaterThan(100);
        return files;
    }

    /** The code without its comments, so that what a comment quotes is not taken for a literal. */
    private static String code(Path file) throws Exception {
        return Files.readString(file).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "")
                .replaceAll("(?m)\\s//\\s.*$", "");
    }

    @Test
    void everyBundleHoldsTheSameKeysInBothLanguages() throws Exception {
        Map<String, Properties> fr = bundles("fr");
        Map<String, Properties> en = bundles("en");
        for (String base : Messages.BUNDLES) {
            assertThat(new TreeSet<>(en.get(base).stringPropertyNames())).as(base)
                    .isEqualTo(new TreeSet<>(fr.get(base).stringPropertyNames()));
        }
    }

    @Test
    void aKeyLivesInOneBundleOnly() throws Exception {
        Map<String, String> home = new HashMap<>();
        Set<String> twice = new TreeSet<>();
        for (var e : bundles("fr").entrySet()) {
            for (String key : e.getValue().stringPropertyNames()) {
                String before = home.put(key, e.getKey());
                if (before != null) {
                    twice.add(key + " (" + before + ", " + e.getKey() + ")");
                }
            }
        }
        assertThat(twice).isEmpty();
    }

    @Test
    void everyKeyTheCodeNamesExists() throws Exception {
        Set<String> keys = allKeys();
        Set<String> missing = new TreeSet<>();
        int named = 0;
        for (Path file : mainSources()) {
            Matcher m = KEY_CALL.matcher(code(file));
            while (m.find()) {
                String key = m.group(1);
                if (key.endsWith(".")) {
                    continue; // a prefix completed at run time ("level." + code)
                }
                named++;
                if (!keys.contains(key) && isKeyLike(key, keys)) {
                    missing.add(key + " (" + file.getFileName() + ")");
                }
            }
        }
        assertThat(named).isGreaterThan(300);
        assertThat(missing).isEmpty();
    }

    /** A literal that reads like one of the bundles' keys (its first segment is one of theirs), not a file name or a property. */
    private static boolean isKeyLike(String literal, Set<String> keys) {
        String first = literal.substring(0, literal.indexOf('.'));
        return keys.stream().anyMatch(k -> k.startsWith(first + "."))
                && !literal.matches(".*\\.(csv|pdf|svg|png|xlsx|parquet|arrow|arrows|json|sql|properties|txt|html|css|js)$");
    }

    @Test
    void everyValueIsAValidPatternInItsLanguage() throws Exception {
        for (String language : List.of("fr", "en")) {
            Locale locale = language.equals("fr") ? Messages.FRENCH : Messages.ENGLISH;
            for (var e : bundles(language).entrySet()) {
                for (String key : e.getValue().stringPropertyNames()) {
                    String formatted = new MessageFormat(e.getValue().getProperty(key), locale).format(new Object[] {1, 2, 3, 4, 5, 6});
                    assertThat(formatted).as(e.getKey() + " " + language + " " + key).doesNotContain("{0}").doesNotContain("{1}");
                }
            }
        }
    }

    @Test
    void pluralsAgreeInBothLanguages() {
        assertThat(Sentence.of("ingestion.loaded", 1).in(Messages.FRENCH)).isEqualTo("1 ligne chargée.");
        assertThat(Sentence.of("ingestion.loaded", 2).in(Messages.FRENCH)).isEqualTo("2 lignes chargées.");
        assertThat(Sentence.of("ingestion.loaded", 12_345).in(Messages.FRENCH)).isEqualTo("12\u00A0345 lignes chargées.");
        assertThat(Sentence.of("ingestion.loaded", 1).in(Messages.ENGLISH)).isEqualTo("1 row loaded.");
        assertThat(Sentence.of("ingestion.loaded", 2).in(Messages.ENGLISH)).isEqualTo("2 rows loaded.");
        assertThat(Sentence.of("ingestion.loaded-rejected", 1, 1).in(Messages.FRENCH)).startsWith("1 ligne chargée, 1 rejetée");
        assertThat(Sentence.of("ingestion.loaded-rejected", 3, 2).in(Messages.FRENCH)).startsWith("3 lignes chargées, 2 rejetées");
    }

    /**
     * No main class says a sentence of its own in French: a literal of several words with a French
     * accent, or French words that every sentence uses, belongs in a bundle. Data vocabulary (column
     * names, codes accepted in files) is single words and passes.
     */
    @Test
    void noMainClassHoldsAFrenchSentence() throws Exception {
        Pattern literal = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
        Pattern french = Pattern.compile("(?iu)(?=.*\\p{L}\\s+\\p{L})(?:.*[éèêàâçôîûùëïœ«»]|.*\\b(?:le|la|les|des|du|une|est|sont|pas|aucun|aucune|fichier|ligne|lignes|colonne)\\b.*\\s)");
        Set<String> found = new TreeSet<>();
        for (Path file : mainSources()) {
            String code = code(file).replaceAll("(?s)\"\"\".*?\"\"\"", "\"\"");
            Matcher m = literal.matcher(code);
            while (m.find()) {
                String text = m.group(1);
                if (french.matcher(text).find()) {
                    found.add(file.getFileName() + ": \"" + text + "\"");
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void numbersAndMonthsAreWrittenTheFrenchWay() {
        Formats f = new Formats(Locale.CANADA_FRENCH);
        assertThat(f.value(12.5, IndicatorUnit.PERCENT)).isEqualTo("12,5\u00A0%");
        assertThat(f.number(1234.0)).isEqualTo("1\u00A0234");
        assertThat(f.month(java.time.YearMonth.of(2026, 11))).isEqualTo("novembre 2026");
        assertThat(new Formats(Locale.CANADA).month(java.time.YearMonth.of(2026, 11))).isEqualTo("November 2026");
    }
}
