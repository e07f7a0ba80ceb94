package org.pilotage.ui.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** French first, English too: both bundles hold the same keys, every key the code asks for, and valid patterns. */
class TranslationsTest {

    private static Properties bundle(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = TranslationsTest.class.getClassLoader().getResourceAsStream("vaadin-i18n/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyKeyIsInBothLanguages() throws Exception {
        Set<String> fr = new TreeSet<>(bundle("translations.properties").stringPropertyNames());
        Set<String> en = new TreeSet<>(bundle("translations_en.properties").stringPropertyNames());
        assertThat(en).isEqualTo(fr);
    }

    @Test
    void everyKeyTheViewsAskForExists() throws Exception {
        Set<String> fr = bundle("translations.properties").stringPropertyNames();
        Pattern call = Pattern.compile("getTranslation\\(\"([a-z0-9.\\-]+)\"");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = call.matcher(Files.readString(file));
                while (m.find()) {
                    if (!m.group(1).endsWith(".") && !fr.contains(m.group(1))) {
                        missing.add(m.group(1) + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyValueIsAValidMessagePattern() throws Exception {
        for (String name : new String[] {"translations.properties", "translations_en.properties"}) {
            Properties p = bundle(name);
            for (String key : p.stringPropertyNames()) {
                String formatted = new MessageFormat(p.getProperty(key)).format(new Object[] {1, 2, 3, 4});
                assertThat(formatted).as(name + " " + key).doesNotContain("{0}");
            }
        }
    }

    @Test
    void numbersAndMonthsAreWrittenTheFrenchWay() {
        Formats f = new Formats(java.util.Locale.CANADA_FRENCH);
        assertThat(f.value(12.5, org.pilotage.analytics.catalogue.IndicatorUnit.PERCENT)).isEqualTo("12,5\u00A0%");
        assertThat(f.number(1234.0)).isEqualTo("1\u00A0234");
        assertThat(f.month(java.time.YearMonth.of(2026, 11))).isEqualTo("novembre 2026");
        assertThat(new Formats(java.util.Locale.CANADA).month(java.time.YearMonth.of(2026, 11))).isEqualTo("November 2026");
    }
}
