package org.pilotage.ingestion;

/**
 * A file or a request that ingestion refuses outright, with the HTTP status that fits and one
 * sentence in French and English.
 */
public class IngestionRefusedException extends RuntimeException {

    public enum Reason { TOO_LARGE, UNSUPPORTED_TYPE, CONFLICT, NOT_FOUND, BAD_REQUEST }

    private final Reason reason;
    private final String english;

    public IngestionRefusedException(Reason reason, String french, String english) {
        super(french);
        this.reason = reason;
        this.english = english;
    }

    public Reason reason() {
        return reason;
    }

    public String french() {
        return getMessage();
    }

    public String english() {
        return english;
    }
}
