package org.pilotage.analytics.catalogue;

import java.util.Optional;

import org.pilotage.analytics.text.Fold;

/** The three levels at which the perceived effects of a practice are followed. */
public enum EffectLevel {
    ORGANISATIONAL("organisational", "organisationnel"),
    PRACTITIONER("practitioner", "intervenant"),
    CLIENTELE("clientele", "clientèle");

    private final String code;
    private final String frenchCode;

    EffectLevel(String code, String frenchCode) {
        this.code = code;
        this.frenchCode = frenchCode;
    }

    /** The code stored in the database and used in files and URLs. */
    public String code() {
        return code;
    }

    public String frenchCode() {
        return frenchCode;
    }

    /** Accepts the English or French code, whatever the case and accents. */
    public static Optional<EffectLevel> parse(String text) {
        String folded = Fold.fold(text);
        for (EffectLevel level : values()) {
            if (level.code.equals(folded) || Fold.fold(level.frenchCode).equals(folded)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }

    public static EffectLevel ofCode(String code) {
        return parse(code).orElseThrow(() -> new IllegalArgumentException("Unknown effect level " + code));
    }
}
