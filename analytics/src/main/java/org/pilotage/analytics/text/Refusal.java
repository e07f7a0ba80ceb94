package org.pilotage.analytics.text;

/**
 * A request a feature refuses, with the reason an answer's status follows from (the REST API maps it
 * to 400, 403, 404, 409, 413, 415 or 507) and the one sentence its reader gets.
 */
public class Refusal extends RuntimeException {

    public enum Reason { BAD_REQUEST, FORBIDDEN, NOT_FOUND, CONFLICT, TOO_LARGE, UNSUPPORTED_TYPE, INSUFFICIENT_STORAGE }

    private final Reason reason;
    private final transient Sentence sentence;

    public Refusal(Reason reason, Sentence sentence) {
        super(sentence.french(), null, false, false);
        this.reason = reason;
        this.sentence = sentence;
    }

    public Refusal(Reason reason, String key, Object... args) {
        this(reason, Sentence.of(key, args));
    }

    public Reason reason() {
        return reason;
    }

    public Sentence sentence() {
        return sentence;
    }

    /** What the reader is told, in their language (an {@link Invalid} tells every problem). */
    public String in(java.util.Locale locale) {
        return sentence.in(locale);
    }

    public String french() {
        return sentence.french();
    }

    public String english() {
        return sentence.in(Messages.ENGLISH);
    }
}
