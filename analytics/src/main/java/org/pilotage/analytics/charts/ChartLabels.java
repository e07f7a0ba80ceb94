package org.pilotage.analytics.charts;

import java.util.Locale;
import java.util.ResourceBundle;

import org.pilotage.analytics.catalogue.EffectLevel;
import org.pilotage.analytics.catalogue.IndicatorUnit;

/** The few words charts draw themselves, in French or English. */
public final class ChartLabels {

    private final ResourceBundle bundle;
    private final Locale locale;

    private ChartLabels(Locale locale) {
        this.locale = "en".equals(locale.getLanguage()) ? Locale.CANADA : Locale.CANADA_FRENCH;
        this.bundle = ResourceBundle.getBundle("org.pilotage.analytics.charts.chart-labels", this.locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static ChartLabels of(Locale locale) {
        return new ChartLabels(locale);
    }

    public Locale locale() {
        return locale;
    }

    public String get(String key) {
        return bundle.getString(key);
    }

    public String unit(IndicatorUnit unit) {
        return get("unit." + unit.code());
    }

    public String level(EffectLevel level) {
        return get("level." + level.code());
    }
}
