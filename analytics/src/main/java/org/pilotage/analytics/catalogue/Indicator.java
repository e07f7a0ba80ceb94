package org.pilotage.analytics.catalogue;

import java.util.Locale;

/**
 * An indicator of the catalogue.
 *
 * @param betterUp true when a higher value is better ({@code better = up})
 */
public record Indicator(String code, EffectLevel level, String labelFr, String labelEn, IndicatorUnit unit,
                        boolean betterUp, Double defaultTarget) {

    public String label(Locale locale) {
        return "en".equals(locale.getLanguage()) ? labelEn : labelFr;
    }
}
