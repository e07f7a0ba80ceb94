package org.pilotage.analytics.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Named queries kept as SQL files under {@code pilotage/sql/queries}: {@code get("series/monthly-values")}.
 * Values are bound as parameters, never concatenated.
 */
public final class SqlQueries {

    private static final ConcurrentHashMap<String, String> CACHE = new ConcurrentHashMap<>();

    private SqlQueries() {
    }

    /** The separator of a list bound as one text parameter, split again by the {@code split_codes} macro. */
    public static final String CODE_SEPARATOR = "\u001F";

    /** Codes as one text parameter for {@code split_codes(:codes)}; a code holding the separator is refused. */
    public static String codes(java.util.Collection<?> codes) {
        StringBuilder joined = new StringBuilder();
        for (Object c : codes) {
            String code = String.valueOf(c);
            if (code.contains(CODE_SEPARATOR)) {
                throw new IllegalArgumentException("A code holds a control character: " + code);
            }
            if (!joined.isEmpty()) {
                joined.append(CODE_SEPARATOR);
            }
            joined.append(code);
        }
        return joined.toString();
    }

    public static String get(String name) {
        return CACHE.computeIfAbsent(name, SqlQueries::load);
    }

    private static String load(String name) {
        String path = "pilotage/sql/queries/" + name + ".sql";
        try (InputStream in = SqlQueries.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No named query " + path + " on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
