package org.pilotage.ingestion.kind;

/**
 * A file that cannot be read at all (wrong format, no header, a required column missing, unknown
 * kind, empty): the ingestion fails before writing anything. Carries one sentence in each language.
 */
public class UnreadableFileException extends RuntimeException {

    private final String english;

    public UnreadableFileException(String french, String english) {
        super(french);
        this.english = english;
    }

    public String french() {
        return getMessage();
    }

    public String english() {
        return english;
    }
}
