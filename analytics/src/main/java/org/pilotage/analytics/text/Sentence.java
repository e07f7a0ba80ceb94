package org.pilotage.analytics.text;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A sentence a user or a script reads, before it is put into words: a message key of the bundles
 * and its arguments. Rendered in the reader's language at the edge (view, REST answer, PDF).
 */
public record Sentence(String key, List<Object> args) implements Serializable {

    public Sentence {
        args = args == null ? List.of() : List.copyOf(Arrays.asList(args.toArray())); // nulls kept out of List.of
    }

    public static Sentence of(String key, Object... args) {
        return new Sentence(key, Arrays.asList(args));
    }

    public String in(Locale locale) {
        return Messages.render(this, locale);
    }

    /** The French wording: logs and stored texts that have no reader yet. */
    public String french() {
        return in(Messages.FRENCH);
    }

    @Override
    public String toString() {
        return key + args;
    }
}
