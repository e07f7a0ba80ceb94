package org.pilotage.analytics.text;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Input a feature refuses, with every rule it breaks: a form shows them all at once. */
public class Invalid extends Refusal {

    private final transient List<Sentence> problems;

    public Invalid(List<Sentence> problems) {
        super(Reason.BAD_REQUEST, problems.getFirst());
        this.problems = List.copyOf(problems);
    }

    public Invalid(String key, Object... args) {
        this(List.of(Sentence.of(key, args)));
    }

    /** Throws when there is any problem. */
    public static void check(List<Sentence> problems) {
        if (!problems.isEmpty()) {
            throw new Invalid(problems);
        }
    }

    public List<Sentence> problems() {
        return problems;
    }

    /** Every problem, in the reader's language, one after the other. */
    @Override
    public String in(Locale locale) {
        return problems.stream().map(s -> s.in(locale)).collect(Collectors.joining(" "));
    }
}
