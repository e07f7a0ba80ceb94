package org.pilotage.analytics.rooms;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jfree.chart.JFreeChart;
import org.pilotage.analytics.catalogue.CatalogueRepository;
import org.pilotage.analytics.catalogue.EffectLevel;
import org.pilotage.analytics.catalogue.Indicator;
import org.pilotage.analytics.charts.ChartEncoder;
import org.pilotage.analytics.charts.ChartLabels;
import org.pilotage.analytics.charts.EffectChartRenderer;
import org.pilotage.analytics.charts.RoomChartRenderer;
import org.pilotage.analytics.notes.CommentRepository;
import org.pilotage.analytics.notes.IndicatorComment;
import org.pilotage.analytics.rooms.RoomQueries.CountPoint;
import org.pilotage.analytics.rooms.RoomQueries.Point;
import org.pilotage.analytics.series.MonthlyValue;
import org.pilotage.analytics.status.CommitmentRepository;
import org.pilotage.analytics.status.CommitmentRepository.Commitments;
import org.pilotage.analytics.status.Status;
import org.pilotage.analytics.status.StatusRules;
import org.pilotage.analytics.status.Trend;
import org.pilotage.analytics.store.DataVersion;
import org.pilotage.analytics.store.ResultCache;

/**
 * Computes and draws a steering room: its tiles (value, target, commitment, status, trends,
 * sparkline, freshness) and its charts. Results are cached by room, filters, language and data
 * version, so a new publication, comment or room change invalidates them.
 */
public class RoomDashboardService {

    public static final int CHART_WIDTH = 1100;
    public static final int PANEL_HEIGHT = 170;
    public static final int WIDE_CHART_HEIGHT = 440;
    private static final int SPARKLINE_MONTHS = 12;

    private final RoomQueries queries;
    private final CatalogueRepository catalogue;
    private final CommitmentRepository commitments;
    private final CommentRepository comments;
    private final DataVersion version;
    private final EffectChartRenderer effectRenderer = new EffectChartRenderer();
    private final RoomChartRenderer roomRenderer = new RoomChartRenderer();
    private final ResultCache cache;

    public RoomDashboardService(RoomQueries queries, CatalogueRepository catalogue, CommitmentRepository commitments,
                                CommentRepository comments, DataVersion version) {
        this.queries = queries;
        this.catalogue = catalogue;
        this.commitments = commitments;
        this.comments = comments;
        this.version = version;
        this.cache = new ResultCache(version::current, 2_000);
    }

    /** Everything a room's queries return for its filters: read once, then tiles and charts derive from it. */
    record RoomData(Map<String, Indicator> indicators, Map<String, TreeMap<YearMonth, Point>> months,
                    List<CountPoint> counts, String compared, Map<String, TreeMap<YearMonth, Point>> byDirection,
                    Map<String, List<IndicatorComment>> comments, Commitments commitments,
                    Map<Long, RoomDashboard.Provenance> ingestions) {
    }

    private record DataKey(long room, Instant updated, RoomFilters filters) {
    }

    private record ChartKey(DataKey data, RoomChart chart, String language, String format, double scale) {
    }

    public RoomDashboard dashboard(SteeringRoom room, RoomFilters filters) {
        return cache.get(new DashboardKey(key(room, filters)), () -> compute(room, filters, data(room, filters)));
    }

    private record DashboardKey(DataKey data) {
    }

    /** The charts the room has: a section chart per effect level it follows, then the room-wide charts. */
    public List<RoomChart> charts(SteeringRoom room) {
        Map<String, Indicator> known = indicators(room);
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

    /**
     * The room's tiles and every chart as SVG, the charts drawn in parallel (each is independent once
     * the room's data is read): what a dashboard needs to show the room.
     */
    public Map<RoomChart, byte[]> renderAll(SteeringRoom room, RoomFilters filters, Locale locale) {
        RoomDashboard dashboard = dashboard(room, filters);
        Map<RoomChart, byte[]> svgs = new java.util.concurrent.ConcurrentHashMap<>();
        dashboard.charts().parallelStream().forEach(c -> svgs.put(c, chartSvg(room, c, filters, locale)));
        Map<RoomChart, byte[]> ordered = new LinkedHashMap<>();
        dashboard.charts().forEach(c -> ordered.put(c, svgs.get(c)));
        return ordered;
    }

    public byte[] chartSvg(SteeringRoom room, RoomChart chart, RoomFilters filters, Locale locale) {
        return cache.get(new ChartKey(key(room, filters), chart, locale.getLanguage(), "svg", 1), () -> {
            Size size = size(room, chart);
            return ChartEncoder.svg(chart(room, chart, filters, locale), size.width(), size.height());
        });
    }

    /** PNG drawn at {@code scale} pixels per unit of the chart's layout size (2 = sharp on wall screens and slides). */
    public byte[] chartPng(SteeringRoom room, RoomChart chart, RoomFilters filters, Locale locale, double scale) {
        return cache.get(new ChartKey(key(room, filters), chart, locale.getLanguage(), "png", scale), () -> {
            Size size = size(room, chart);
            return ChartEncoder.png(chart(room, chart, filters, locale), size.width(), size.height(), scale);
        });
    }

    public record Size(int width, int height) {
    }

    public Size size(SteeringRoom room, RoomChart chart) {
        if (chart.level() == null) {
            return new Size(CHART_WIDTH, WIDE_CHART_HEIGHT);
        }
        long panels = indicators(room).values().stream().filter(i -> i.level() == chart.level()).count();
        return new Size(CHART_WIDTH, 60 + (int) Math.max(1, panels) * PANEL_HEIGHT);
    }

    /** Draws one chart of a room (not cached: callers that encode it cache the bytes). */
    public JFreeChart chart(SteeringRoom room, RoomChart chart, RoomFilters filters, Locale locale) {
        RoomData data = data(room, filters);
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
        data.byDirection().forEach((direction, points) -> {
            Aggregate a = Aggregate.of(points, filters.period(), compared.unit().additive());
            if (a.value() != null) {
                values.put(direction, a.value());
                targets.put(direction, a.target());
            }
        });
        return roomRenderer.directions(compared, values, targets, labels);
    }

    /** The rows behind one chart of the room, each with the ingestion and file its figure came from. */
    public ChartData chartData(SteeringRoom room, RoomChart chart, RoomFilters filters, Locale locale) {
        RoomData data = data(room, filters);
        YearMonth to = filters.period().end();
        YearMonth from = to.minusMonths(filters.months() - 1L);
        List<List<Object>> rows = new ArrayList<>();
        if (chart.level() != null) {
            for (Indicator i : data.indicators().values()) {
                if (i.level() != chart.level()) {
                    continue;
                }
                for (Point p : data.months().get(i.code()).subMap(from, true, to, true).values()) {
                    rows.add(java.util.Arrays.asList(i.code(), i.label(locale), i.unit().code(), p.period().toString(), p.value(),
                            p.target(), p.ingestionId(), fileName(data, p.ingestionId())));
                }
            }
            return new ChartData(List.of("indicator", "label", "unit", "period", "value", "target", "ingestion_id", "file_name"), rows);
        }
        if (chart == RoomChart.PROJECT_COUNTS) {
            ChartLabels labels = ChartLabels.of(locale);
            for (CountPoint c : data.counts()) {
                rows.add(java.util.Arrays.asList(c.period().toString(), c.category().code(), labels.get("category." + c.category().code()),
                        c.count(), c.ingestionId(), fileName(data, c.ingestionId())));
            }
            return new ChartData(List.of("period", "category", "label", "count", "ingestion_id", "file_name"), rows);
        }
        Indicator compared = data.indicators().get(data.compared());
        String period = filters.period().kind() == ReportingPeriod.Kind.MONTH ? to.toString()
                : filters.period().start() + "/" + filters.period().end();
        data.byDirection().forEach((direction, points) -> {
            Aggregate a = Aggregate.of(points, filters.period(), compared.unit().additive());
            if (a.value() != null) {
                rows.add(java.util.Arrays.asList(direction, compared.code(), compared.label(locale), compared.unit().code(), period,
                        a.value(), a.target()));
            }
        });
        rows.sort(java.util.Comparator.comparing(r -> (String) r.getFirst()));
        return new ChartData(List.of("direction", "indicator", "label", "unit", "period", "value", "target"), rows);
    }

    private static String fileName(RoomData data, long ingestionId) {
        RoomDashboard.Provenance p = data.ingestions().get(ingestionId);
        return p == null ? null : p.fileName();
    }

    /** The comments a chart draws as markers (empty for the room-wide charts). */
    public List<IndicatorComment> chartComments(SteeringRoom room, RoomChart chart, RoomFilters filters) {
        if (chart.level() == null) {
            return List.of();
        }
        RoomData data = data(room, filters);
        return data.indicators().values().stream().filter(i -> i.level() == chart.level())
                .flatMap(i -> data.comments().getOrDefault(i.code(), List.of()).stream()).toList();
    }

    /** Whether an ingestion wrote data this room shows. */
    public boolean touches(SteeringRoom room, long ingestionId) {
        return queries.touches(room.establishment(), ingestionId);
    }

    /** The directions a room reads for its filters: the one chosen, else the room's own (empty = all). */
    public static List<String> directions(SteeringRoom room, RoomFilters filters) {
        if (filters.direction() != null) {
            if (!room.directions().isEmpty() && !room.directions().contains(filters.direction())) {
                throw new IllegalArgumentException("The direction " + filters.direction() + " is outside the room's scope");
            }
            return List.of(filters.direction());
        }
        return room.directions();
    }

    private DataKey key(SteeringRoom room, RoomFilters filters) {
        return new DataKey(room.id(), room.updatedAt(), filters);
    }

    private record CatalogueKey() {
    }

    private Map<String, Indicator> indicators(SteeringRoom room) {
        // The catalogue changes only through an ingestion, which changes the data version.
        Map<String, Indicator> all = cache.get(new CatalogueKey(), () -> {
            Map<String, Indicator> byCode = new LinkedHashMap<>();
            catalogue.findAll().forEach(i -> byCode.put(i.code(), i));
            return java.util.Collections.unmodifiableMap(byCode);
        });
        Map<String, Indicator> known = new LinkedHashMap<>();
        for (String code : room.indicators()) {
            if (all.containsKey(code)) {
                known.put(code, all.get(code));
            }
        }
        return known;
    }

    RoomData data(SteeringRoom room, RoomFilters filters) {
        return cache.get(key(room, filters), () -> read(room, filters));
    }

    private RoomData read(SteeringRoom room, RoomFilters filters) {
        Map<String, Indicator> indicators = indicators(room);
        List<String> directions = directions(room, filters);
        ReportingPeriod period = filters.period();
        YearMonth to = period.end();
        // The months every use needs: the chart window, the sparkline and the same period a year earlier.
        YearMonth from = min(to.minusMonths(filters.months() - 1L),
                min(to.minusMonths(SPARKLINE_MONTHS - 1L), period.yearEarlier().start()));
        List<String> codes = List.copyOf(indicators.keySet());
        Map<String, TreeMap<YearMonth, Point>> months = queries.indicatorMonths(room.establishment(), directions,
                filters.project(), codes, from, to);
        YearMonth chartFrom = to.minusMonths(filters.months() - 1L);
        List<CountPoint> counts = room.categories().isEmpty() ? List.of()
                : queries.projectCounts(room.establishment(), directions, room.categories(), chartFrom, to);
        String compared = filters.compared() != null && indicators.containsKey(filters.compared()) ? filters.compared()
                : codes.isEmpty() ? null : codes.getFirst();
        Map<String, TreeMap<YearMonth, Point>> byDirection = compared == null ? Map.of()
                : queries.byDirection(room.establishment(), directions, filters.project(), compared, period.start(), to);
        Map<String, List<IndicatorComment>> notes = new LinkedHashMap<>();
        if (!codes.isEmpty()) {
            for (IndicatorComment c : comments.find(room.establishment(), codes, chartFrom, to)) {
                notes.computeIfAbsent(c.indicator(), k -> new ArrayList<>()).add(c);
            }
        }
        Set<Long> ids = new HashSet<>();
        months.values().forEach(m -> m.values().forEach(p -> ids.add(p.ingestionId())));
        counts.forEach(c -> ids.add(c.ingestionId()));
        return new RoomData(indicators, months, counts, compared, byDirection, notes, commitments.all(),
                queries.ingestions(ids));
    }

    private RoomDashboard compute(SteeringRoom room, RoomFilters filters, RoomData data) {
        Map<EffectLevel, List<IndicatorTile>> tiles = new EnumMap<>(EffectLevel.class);
        for (Indicator indicator : data.indicators().values()) {
            tiles.computeIfAbsent(indicator.level(), k -> new ArrayList<>())
                    .add(tile(indicator, data.months().get(indicator.code()), filters.period(), data));
        }
        tiles.replaceAll((k, v) -> List.copyOf(v));
        Instant freshness = data.ingestions().values().stream().map(RoomDashboard.Provenance::publishedAt)
                .filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(null);
        return new RoomDashboard(room, filters, tiles, charts(room), freshness, List.copyOf(data.ingestions().values()),
                version.current());
    }

    static IndicatorTile tile(Indicator indicator, TreeMap<YearMonth, Point> months, ReportingPeriod period, RoomData data) {
        boolean additive = indicator.unit().additive();
        Aggregate now = Aggregate.of(months, period, additive);
        // Like with like: the reference periods count only the months (by position) the current one has,
        // so that a quarter with one month published is not compared with three months of the last one.
        java.util.BitSet present = Aggregate.positions(months, period);
        Aggregate previous = Aggregate.of(months, period.previous(), additive, present);
        Aggregate yearEarlier = Aggregate.of(months, period.yearEarlier(), additive, present);
        double gap = data.commitments().gapPercent(indicator.code(), period.end());
        Status status = StatusRules.status(now.value(), now.target(), gap, indicator.betterUp());
        List<Double> sparkline = new ArrayList<>();
        for (YearMonth m = period.end().minusMonths(SPARKLINE_MONTHS - 1L); !m.isAfter(period.end()); m = m.plusMonths(1)) {
            Point p = months.get(m);
            sparkline.add(p == null ? null : p.value());
        }
        Map.Entry<YearMonth, Point> last = months.floorEntry(period.end());
        Instant loadedAt = last == null ? null : java.util.Optional.ofNullable(data.ingestions().get(last.getValue().ingestionId()))
                .map(RoomDashboard.Provenance::publishedAt).orElse(null);
        return new IndicatorTile(indicator, now.value(), now.target(),
                StatusRules.commitment(now.target(), gap, indicator.betterUp()), status,
                Trend.of(now.value(), previous.value(), indicator.betterUp()),
                Trend.of(now.value(), yearEarlier.value(), indicator.betterUp()),
                java.util.Collections.unmodifiableList(sparkline), last == null ? null : last.getKey(), loadedAt);
    }

    /**
     * A period's value and target from its months: summed for counts, averaged for the other units,
     * over the months that have a value (so a value and its target cover the same months); a count's
     * target is unknown when one of those months has none.
     */
    record Aggregate(Double value, Double target) {

        static Aggregate of(Map<YearMonth, Point> months, ReportingPeriod period, boolean additive) {
            return of(months, period, additive, null);
        }

        /** The positions (0 = first month) of the period's months that have a value. */
        static java.util.BitSet positions(Map<YearMonth, Point> months, ReportingPeriod period) {
            java.util.BitSet present = new java.util.BitSet();
            int i = 0;
            for (YearMonth m = period.start(); !m.isAfter(period.end()); m = m.plusMonths(1), i++) {
                Point p = months.get(m);
                if (p != null && p.value() != null) {
                    present.set(i);
                }
            }
            return present;
        }

        /** @param only the month positions to count, or null for all */
        static Aggregate of(Map<YearMonth, Point> months, ReportingPeriod period, boolean additive, java.util.BitSet only) {
            double sum = 0;
            double targetSum = 0;
            int n = 0;
            int targets = 0;
            int i = 0;
            for (YearMonth m = period.start(); !m.isAfter(period.end()); m = m.plusMonths(1), i++) {
                Point p = months.get(m);
                if (p == null || p.value() == null || (only != null && !only.get(i))) {
                    continue;
                }
                sum += p.value();
                n++;
                if (p.target() != null) {
                    targetSum += p.target();
                    targets++;
                }
            }
            if (n == 0) {
                return new Aggregate(null, null);
            }
            // A count's target is the sum of its months' targets, so it is unknown when a month has none: a part
            // sum would make the status look better than it is. An average is comparable over the months it has.
            Double target = targets == 0 || additive && targets < n ? null : additive ? (Double) targetSum : (Double) (targetSum / targets);
            return new Aggregate(additive ? sum : sum / n, target);
        }
    }

    private static YearMonth min(YearMonth a, YearMonth b) {
        return a.isBefore(b) ? a : b;
    }

    /** Drops every cached result (after a change the data version does not see, e.g. in tests). */
    public void clearCache() {
        cache.clear();
    }

    /** The drill-down of one indicator: its series per direction or per project, and the rows behind it. */
    public byte[] memberChartSvg(SteeringRoom room, String indicatorCode, boolean perProject, RoomFilters filters, Locale locale) {
        return cache.get(new MemberKey(key(room, filters), indicatorCode, perProject, locale.getLanguage()), () -> {
            Indicator indicator = indicators(room).get(indicatorCode);
            if (indicator == null) {
                throw new IllegalArgumentException("The indicator " + indicatorCode + " is not in the room");
            }
            YearMonth to = filters.period().end();
            YearMonth from = to.minusMonths(filters.months() - 1L);
            List<String> directions = directions(room, filters);
            Map<String, TreeMap<YearMonth, Point>> members = perProject
                    ? queries.byProject(room.establishment(), directions, indicatorCode, from, to)
                    : queries.byDirection(room.establishment(), directions, filters.project(), indicatorCode, from, to);
            List<IndicatorComment> notes = comments.find(room.establishment(), List.of(indicatorCode), from, to);
            ChartLabels labels = ChartLabels.of(locale);
            int height = perProject ? 520 : WIDE_CHART_HEIGHT;
            return ChartEncoder.svg(roomRenderer.members(indicator, members, from, to, notes, labels,
                    labels.get(perProject ? "chart.per-project" : "chart.per-direction")), CHART_WIDTH, height);
        });
    }

    private record MemberKey(DataKey data, String indicator, boolean perProject, String language) {
    }

    public List<RoomQueries.MeasureRow> rows(SteeringRoom room, String indicatorCode, RoomFilters filters, int limit) {
        YearMonth to = filters.period().end();
        return queries.rows(room.establishment(), directions(room, filters), indicatorCode,
                to.minusMonths(filters.months() - 1L), to, limit);
    }

    public List<IndicatorComment> comments(SteeringRoom room, String indicatorCode, RoomFilters filters) {
        YearMonth to = filters.period().end();
        return comments.find(room.establishment(), List.of(indicatorCode), to.minusMonths(filters.months() - 1L), to);
    }
}
