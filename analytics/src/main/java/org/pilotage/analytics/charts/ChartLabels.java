package org.pilotage.analytics.charts;

import java.util.Locale;

import org.pilotage.analytics.catalogue.EffectLevel;
import org.pilotage.analytics.catalogue.IndicatorUnit;
import org.pilotage.analytics.text.Messages;

/** The few words charts, snapshots and reports draw themselves, in French or English (the {@code charts.*} messages). */
public final class ChartLabels {

    private final Locale locale;

    private ChartLabels(Locale locale) {
        this.locale = Messages.effective(locale);
    }

    public static ChartLabels of(Locale locale) {
        return new ChartLabels(locale);
    }

    public Locale locale() {
        return locale;
    }

    /** The sentence of a message key ({@code charts.*} for the words of charts and reports) in this language. */
    public String get(String key, Object... args) {
        return Messages.get(key, locale, args);
    }

    public String unit(IndicatorUnit unit) {
        return get("charts.unit." + unit.code());
    }

    public String level(EffectLevel level) {
        return get("charts.level." + level.code());
    }
}
