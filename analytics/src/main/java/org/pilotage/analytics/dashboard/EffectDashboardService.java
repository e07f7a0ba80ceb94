package org.pilotage.analytics.dashboard;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.pilotage.analytics.catalogue.CatalogueRepository;
import org.pilotage.analytics.catalogue.EffectLevel;
import org.pilotage.analytics.catalogue.Indicator;
import org.pilotage.analytics.charts.ChartEncoder;
import org.pilotage.analytics.charts.ChartLabels;
import org.pilotage.analytics.charts.EffectChartRenderer;
import org.pilotage.analytics.series.MonthlyValue;
import org.pilotage.analytics.series.SeriesQuery;
import org.pilotage.analytics.series.SeriesRepository;

/** What the effect dashboard of one establishment shows: its months and one chart per effect level. */
public class EffectDashboardService {

    /** Months a level chart covers, ending with the chosen period. */
    public static final int WINDOW_MONTHS = 12;
    public static final int CHART_WIDTH = 1100;
    public static final int PANEL_HEIGHT = 170;

    private final CatalogueRepository catalogue;
    private final SeriesRepository series;
    private final EffectChartRenderer renderer = new EffectChartRenderer();
    private final Clock clock;

    public EffectDashboardService(CatalogueRepository catalogue, SeriesRepository series, Clock clock) {
        this.catalogue = catalogue;
        this.series = series;
        this.clock = clock;
    }

    /** The last complete month: the one before the current month. */
    public YearMonth lastCompleteMonth() {
        return YearMonth.now(clock).minusMonths(1);
    }

    /** Months with data for the establishment, newest first; always includes the last complete month. */
    public List<YearMonth> periods(String establishment) {
        List<YearMonth> periods = new java.util.ArrayList<>(series.periodsWithData(establishment));
        if (!periods.contains(lastCompleteMonth())) {
            periods.add(0, lastCompleteMonth());
        }
        periods.sort(java.util.Comparator.reverseOrder());
        return periods;
    }

    public Map<String, List<MonthlyValue>> levelSeries(String establishment, YearMonth period, EffectLevel level) {
        return series.findByIndicator(new SeriesQuery(null, level.code(), establishment, null, null,
                period.minusMonths(WINDOW_MONTHS - 1L), period));
    }

    public JFreeChart levelChart(String establishment, YearMonth period, EffectLevel level, Locale locale) {
        List<Indicator> indicators = catalogue.findByLevel(level);
        return renderer.render(null, indicators, levelSeries(establishment, period, level),
                period.minusMonths(WINDOW_MONTHS - 1L), period, ChartLabels.of(locale));
    }

    public int chartHeight(EffectLevel level) {
        return 60 + Math.max(1, catalogue.findByLevel(level).size()) * PANEL_HEIGHT;
    }

    public byte[] levelChartSvg(String establishment, YearMonth period, EffectLevel level, Locale locale) {
        return ChartEncoder.svg(levelChart(establishment, period, level, locale), CHART_WIDTH, chartHeight(level));
    }
}
