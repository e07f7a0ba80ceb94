package org.pilotage.ingestion.log;

import java.util.ArrayList;
import java.util.List;

import org.pilotage.analytics.text.Sentence;
import tools.jackson.databind.json.JsonMapper;

/** A sentence as two columns: its message key, and its arguments as a JSON array (numbers stay numbers). */
public final class SentenceColumns {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SentenceColumns() {
    }

    public static String key(Sentence s) {
        return s == null ? null : s.key();
    }

    public static String args(Sentence s) {
        return s == null || s.args().isEmpty() ? null : JSON.writeValueAsString(s.args());
    }

    public static Sentence read(String key, String args) {
        if (key == null) {
            return null;
        }
        if (args == null || args.isBlank()) {
            return new Sentence(key, List.of());
        }
        List<?> values = JSON.readValue(args, List.class);
        return new Sentence(key, new ArrayList<>(values));
    }
}
