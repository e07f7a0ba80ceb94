package org.pilotage.analytics.catalogue;

import java.util.Optional;

import org.pilotage.analytics.text.Fold;

/** How an indicator is measured; counts add up across directions, the other units average. */
public enum IndicatorUnit {
    COUNT("count", "nombre"),
    PERCENT("percent", "pourcentage"),
    SCORE("score", "score"),
    RATIO("ratio", "ratio");

    private final String code;
    private final String frenchCode;

    IndicatorUnit(String code, String frenchCode) {
        this.code = code;
        this.frenchCode = frenchCode;
    }

    public String code() {
        return code;
    }

    public boolean additive() {
        return this == COUNT;
    }

    public static Optional<IndicatorUnit> parse(String text) {
        String folded = Fold.fold(text);
        for (IndicatorUnit unit : values()) {
            if (unit.code.equals(folded) || unit.frenchCode.equals(folded)) {
                return Optional.of(unit);
            }
        }
        return Optional.empty();
    }

    public static IndicatorUnit ofCode(String code) {
        return parse(code).orElseThrow(() -> new IllegalArgumentException("Unknown unit " + code));
    }
}
