package org.pilotage.analytics.dashboard;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.jfree.chart.JFreeChart;
import org.pilotage.analytics.catalogue.EffectLevel;
import org.pilotage.analytics.catalogue.Indicator;
import org.pilotage.analytics.charts.ChartLabels;
import org.pilotage.analytics.charts.EffectChartRenderer;
import org.pilotage.analytics.charts.RoomChartRenderer;
import org.pilotage.analytics.notes.IndicatorComment;
import org.pilotage.analytics.rooms.ReportingPeriod;
import org.pilotage.analytics.rooms.RoomFilters;
import org.pilotage.analytics.rooms.SteeringRoom;
import org.pilotage.analytics.series.CountPoint;
import org.pilotage.analytics.series.MonthlyValue;
import org.pilotage.analytics.series.Point;

/** A room's charts drawn from its data, and the rows behind each of them (the data exports). */
final class RoomCharts {

    static final int CHART_WIDTH = 1100;
    static final int PANEL_HEIGHT = 170;
    static final int WIDE_CHART_HEIGHT = 440;
    static final int MEMBERS_HEIGHT = 520;

    private final EffectChartRenderer effectRenderer = new EffectChartRenderer();
    private final RoomChartRenderer roomRenderer = new RoomChartRenderer();

    /** The charts the room has: a section chart per effect level it follows, then the room-wide charts. */
    static List<RoomChart> charts(SteeringRoom room, Map<String, Indicator> known) {
        List<RoomChart> charts = new ArrayList<>();
        for (EffectLevel level : EffectLevel.values()) {
            if (known.values().stream().anyMatch(i -> i.level() == level)) {
                charts.add(RoomChart.of(level));
            }
        }
        if (!room.categories().isEmpty()) {
            charts.add(RoomChart.PROJECT_COUNTS);
        }
        if (!known.isEmpty()) {
            charts.add(RoomChart.DIRECTIONS);
        }
        return charts;
    }

    static RoomDashboardService.Size size(RoomChart chart, Map<String, Indicator> known) {
        if (chart.level() == null) {
            return new RoomDashboardService.Size(CHART_WIDTH, WIDE_CHART_HEIGHT);
        }
        long panels = known.values().stream().filter(i -> i.level() == chart.level()).count();
        return new RoomDashboardService.Size(CHART_WIDTH, 60 + (int) Math.max(1, panels) * PANEL_HEIGHT);
    }

    JFreeChart draw(SteeringRoom room, RoomChart chart, RoomFilters filters, Locale locale, RoomData data) {
        ChartLabels labels = ChartLabels.of(locale);
        YearMonth to = filters.period().end();
        YearMonth from = to.minusMonths(filters.months() - 1L);
        if (chart.level() != null) {
            List<Indicator> indicators = data.indicators().values().stream().filter(i -> i.level() == chart.level()).toList();
            Map<String, List<MonthlyValue>> series = new LinkedHashMap<>();
            for (Indicator i : indicators) {
                series.put(i.code(), data.months().get(i.code()).values().stream()
                        .map(p -> new MonthlyValue(i.code(), p.period(), p.value(), p.target())).toList());
            }
            return effectRenderer.render(null, indicators, series, from, to, labels, data.comments());
        }
        if (chart == RoomChart.PROJECT_COUNTS) {
            return roomRenderer.projectCounts(data.counts(), room.categories(), from, to, labels);
        }
        Indicator compared = data.indicators().get(data.compared());
        Map<String, Double> values = new TreeMap<>();
        Map<String, Double> targets = new TreeMap<>();
        data.directionTotals().forEach((direction, figure) -> {
            if (figure.value() != null) {
                values.put(direction, figure.value());
                targets.put(direction, figure.target());
            }
        });
        return roomRenderer.directions(compared, values, targets, labels);
    }

    /** What the lines of a drill-down chart stand for, and its title's key. */
    enum Members {
        DIRECTIONS("charts.chart.per-direction"), PROJECTS("charts.chart.per-project"), CHILD_ROOMS("charts.chart.per-child-room");

        final String title;

        Members(String title) {
            this.title = title;
        }
    }

    /** The drill-down chart of one indicator: one line per direction, project or child room, its comments as markers. */
    JFreeChart members(Indicator indicator, Map<String, TreeMap<YearMonth, Point>> members, RoomFilters filters,
                       List<IndicatorComment> comments, Members what, Locale locale) {
        ChartLabels labels = ChartLabels.of(locale);
        YearMonth to = filters.period().end();
        return roomRenderer.members(indicator, members, to.minusMonths(filters.months() - 1L), to, comments, labels,
                labels.get(what.title));
    }

    /** The rows behind one chart of the room, each with the ingestion and file its figure came from. */
    static ChartData rows(RoomChart chart, RoomFilters filters, Locale locale, RoomData data) {
        YearMonth to = filters.period().end();
        YearMonth from = to.minusMonths(filters.months() - 1L);
        List<List<Object>> rows = new ArrayList<>();
        if (chart.level() != null) {
            for (Indicator i : data.indicators().values()) {
                if (i.level() != chart.level()) {
                    continue;
                }
                for (Point p : data.months().get(i.code()).subMap(from, true, to, true).values()) {
                    rows.add(Arrays.asList(i.code(), i.label(locale), i.unit().code(), p.period().toString(), p.value(),
                            p.target(), p.ingestionId(), data.fileName(p.ingestionId())));
                }
            }
            return new ChartData(List.of("indicator", "label", "unit", "period", "value", "target", "ingestion_id", "file_name"), rows);
        }
        if (chart == RoomChart.PROJECT_COUNTS) {
            ChartLabels labels = ChartLabels.of(locale);
            for (CountPoint c : data.counts()) {
                rows.add(Arrays.asList(c.period().toString(), c.category().code(), labels.get("charts.category." + c.category().code()),
                        c.count(), c.ingestionId(), data.fileName(c.ingestionId())));
            }
            return new ChartData(List.of("period", "category", "label", "count", "ingestion_id", "file_name"), rows);
        }
        Indicator compared = data.indicators().get(data.compared());
        String period = filters.period().kind() == ReportingPeriod.Kind.MONTH ? to.toString()
                : filters.period().start() + "/" + filters.period().end();
        data.directionTotals().forEach((direction, figure) -> {
            if (figure.value() != null) {
                rows.add(Arrays.asList(direction, compared.code(), compared.label(locale), compared.unit().code(), period,
                        figure.value(), figure.target()));
            }
        });
        rows.sort(Comparator.comparing(r -> (String) r.getFirst()));
        return new ChartData(List.of("direction", "indicator", "label", "unit", "period", "value", "target"), rows);
    }

    /** The comments a chart draws as markers (none for the room-wide charts). */
    static List<IndicatorComment> comments(RoomChart chart, RoomData data) {
        if (chart.level() == null) {
            return List.of();
        }
        return data.indicators().values().stream().filter(i -> i.level() == chart.level())
                .flatMap(i -> data.comments().getOrDefault(i.code(), List.of()).stream()).toList();
    }
}
