package org.pilotage.ingestion.kind;

import org.pilotage.analytics.text.Messages;
import org.pilotage.analytics.text.Sentence;

/**
 * A file that cannot be read at all (wrong format, no header, a required column missing, unknown
 * kind, empty): the ingestion fails before writing anything, with one sentence.
 */
public class UnreadableFileException extends RuntimeException {

    private final transient Sentence sentence;

    public UnreadableFileException(String key, Object... args) {
        super(key, null, false, false);
        this.sentence = Sentence.of(key, args);
    }

    public Sentence sentence() {
        return sentence;
    }

    public String french() {
        return sentence.french();
    }

    public String english() {
        return sentence.in(Messages.ENGLISH);
    }
}
