package org.pilotage.analytics.dashboard;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jfree.chart.JFreeChart;
import org.pilotage.analytics.catalogue.CatalogueRepository;
import org.pilotage.analytics.catalogue.Indicator;
import org.pilotage.analytics.charts.ChartEncoder;
import org.pilotage.analytics.notes.CommentRepository;
import org.pilotage.analytics.notes.IndicatorComment;
import org.pilotage.analytics.rooms.RoomFilters;
import org.pilotage.analytics.rooms.SteeringRoom;
import org.pilotage.analytics.status.CommitmentRepository;
import org.pilotage.analytics.store.DataVersion;
import org.pilotage.analytics.store.ResultCache;
import org.pilotage.analytics.text.Refusal;

/**
 * A steering room's board, as screens, exports and the API read it: its tiles and its charts. The
 * data is read once per room and filters ({@link RoomDataReader}), figures come from it ({@link Tiles}),
 * charts are drawn from it ({@link RoomCharts}); every result is cached by room, filters, language and
 * data version, so a new publication, comment or room change invalidates it.
 */
public class RoomDashboardService {

    public static final int CHART_WIDTH = RoomCharts.CHART_WIDTH;
    public static final int PANEL_HEIGHT = RoomCharts.PANEL_HEIGHT;
    public static final int WIDE_CHART_HEIGHT = RoomCharts.WIDE_CHART_HEIGHT;

    private final RoomDataReader reader;
    private final RoomCharts charts = new RoomCharts();
    private final DataVersion version;
    private final ResultCache cache;

    public RoomDashboardService(RoomQueries queries, CatalogueRepository catalogue, CommitmentRepository commitments,
                                CommentRepository comments, DataVersion version) {
        this.reader = new RoomDataReader(queries, catalogue, commitments, comments);
        this.version = version;
        this.cache = new ResultCache(version, 2_000);
    }

    // What the cache keeps: the data per room and filters, and what is derived from it

    private record DataKey(long room, Instant updated, RoomFilters filters) {
    }

    private record DashboardKey(DataKey data) {
    }

    private record ChartKey(DataKey data, RoomChart chart, String language, String format, double scale) {
    }

    private record MemberKey(DataKey data, String indicator, boolean perProject, String language) {
    }

    private record CatalogueKey() {
    }

    private DataKey key(SteeringRoom room, RoomFilters filters) {
        return new DataKey(room.id(), room.updatedAt(), filters);
    }

    RoomData data(SteeringRoom room, RoomFilters filters) {
        return cache.get(room.establishment(), key(room, filters), () -> reader.read(room, filters, indicators(room)));
    }

    /** The room's indicators the catalogue knows, in the room's order (the catalogue changes only through an ingestion). */
    private Map<String, Indicator> indicators(SteeringRoom room) {
        Map<String, Indicator> all = cache.get(new CatalogueKey(), reader::catalogue);
        Map<String, Indicator> known = new LinkedHashMap<>();
        for (String code : room.indicators()) {
            if (all.containsKey(code)) {
                known.put(code, all.get(code));
            }
        }
        return known;
    }

    // The board

    public RoomDashboard dashboard(SteeringRoom room, RoomFilters filters) {
        return cache.get(room.establishment(), new DashboardKey(key(room, filters)), () -> {
            RoomData data = data(room, filters);
            return new RoomDashboard(room, filters, Tiles.of(data, filters.period()), charts(room), Tiles.freshness(data),
                    List.copyOf(data.ingestions().values()), version.current(room.establishment()));
        });
    }

    /** The charts the room has: a section chart per effect level it follows, then the room-wide charts. */
    public List<RoomChart> charts(SteeringRoom room) {
        return RoomCharts.charts(room, indicators(room));
    }

    /** One of the room's charts by its id ({@code clientele}, {@code directions}…), or a refusal that says the room has none such. */
    public RoomChart requireChart(SteeringRoom room, String id) {
        return RoomChart.parse(id).filter(c -> charts(room).contains(c))
                .orElseThrow(() -> new Refusal(Refusal.Reason.NOT_FOUND, "room.unknown-chart", id));
    }

    /**
     * Every chart of the room as SVG, drawn in parallel (each is independent once the room's data is read):
     * what a dashboard needs to show the room.
     */
    public Map<RoomChart, byte[]> renderAll(SteeringRoom room, RoomFilters filters, Locale locale) {
        RoomDashboard dashboard = dashboard(room, filters);
        Map<RoomChart, byte[]> svgs = new ConcurrentHashMap<>();
        dashboard.charts().parallelStream().forEach(c -> svgs.put(c, chartSvg(room, c, filters, locale)));
        Map<RoomChart, byte[]> ordered = new LinkedHashMap<>();
        dashboard.charts().forEach(c -> ordered.put(c, svgs.get(c)));
        return ordered;
    }

    public byte[] chartSvg(SteeringRoom room, RoomChart chart, RoomFilters filters, Locale locale) {
        return cache.get(room.establishment(), new ChartKey(key(room, filters), chart, locale.getLanguage(), "svg", 1), () -> {
            Size size = size(room, chart);
            return ChartEncoder.svg(chart(room, chart, filters, locale), size.width(), size.height());
        });
    }

    /** PNG drawn at {@code scale} pixels per unit of the chart's layout size (2 = sharp on wall screens and slides). */
    public byte[] chartPng(SteeringRoom room, RoomChart chart, RoomFilters filters, Locale locale, double scale) {
        return cache.get(room.establishment(), new ChartKey(key(room, filters), chart, locale.getLanguage(), "png", scale), () -> {
            Size size = size(room, chart);
            return ChartEncoder.png(chart(room, chart, filters, locale), size.width(), size.height(), scale);
        });
    }

    public record Size(int width, int height) {
    }

    public Size size(SteeringRoom room, RoomChart chart) {
        return RoomCharts.size(chart, indicators(room));
    }

    /** Draws one chart of a room (not cached: callers that encode it cache the bytes). */
    public JFreeChart chart(SteeringRoom room, RoomChart chart, RoomFilters filters, Locale locale) {
        return charts.draw(room, chart, filters, locale, data(room, filters));
    }

    /** The rows behind one chart of the room, each with the ingestion and file its figure came from. */
    public ChartData chartData(SteeringRoom room, RoomChart chart, RoomFilters filters, Locale locale) {
        return RoomCharts.rows(chart, filters, locale, data(room, filters));
    }

    /** The comments a chart draws as markers (empty for the room-wide charts). */
    public List<IndicatorComment> chartComments(SteeringRoom room, RoomChart chart, RoomFilters filters) {
        return RoomCharts.comments(chart, data(room, filters));
    }

    /** Whether an ingestion wrote data this room shows. */
    public boolean touches(SteeringRoom room, long ingestionId) {
        return reader.touches(room, ingestionId);
    }

    /** The directions a room reads for its filters: the one chosen, else the room's own (empty = all). */
    public static List<String> directions(SteeringRoom room, RoomFilters filters) {
        return RoomDataReader.directions(room, filters);
    }

    // One indicator, drilled down

    /** Its series per direction or per project as SVG, with its comments as markers. */
    public byte[] memberChartSvg(SteeringRoom room, String indicatorCode, boolean perProject, RoomFilters filters, Locale locale) {
        return cache.get(room.establishment(), new MemberKey(key(room, filters), indicatorCode, perProject, locale.getLanguage()), () -> {
            Indicator indicator = indicators(room).get(indicatorCode);
            if (indicator == null) {
                throw new IllegalArgumentException("The indicator " + indicatorCode + " is not in the room");
            }
            JFreeChart chart = charts.members(indicator, reader.members(room, indicatorCode, perProject, filters), filters,
                    reader.comments(room, indicatorCode, filters), perProject ? RoomCharts.Members.PROJECTS : RoomCharts.Members.DIRECTIONS,
                    locale);
            return ChartEncoder.svg(chart, CHART_WIDTH, perProject ? RoomCharts.MEMBERS_HEIGHT : WIDE_CHART_HEIGHT);
        });
    }

    /**
     * The same indicator over each child room's scope (its directions), one line per child room: where in
     * the cascade below a parent room the indicator goes wrong.
     */
    public byte[] childRoomsChartSvg(SteeringRoom room, List<SteeringRoom> children, String indicatorCode, RoomFilters filters,
                                     Locale locale) {
        List<Long> ids = children.stream().map(SteeringRoom::id).toList();
        return cache.get(room.establishment(), new ChildrenKey(key(room, filters), ids, indicatorCode, locale.getLanguage()), () -> {
            Indicator indicator = indicators(room).get(indicatorCode);
            if (indicator == null) {
                throw new IllegalArgumentException("The indicator " + indicatorCode + " is not in the room");
            }
            JFreeChart chart = charts.members(indicator, reader.childRooms(children, indicatorCode, filters), filters,
                    reader.comments(room, indicatorCode, filters), RoomCharts.Members.CHILD_ROOMS, locale);
            return ChartEncoder.svg(chart, CHART_WIDTH, WIDE_CHART_HEIGHT);
        });
    }

    private record ChildrenKey(DataKey data, List<Long> children, String indicator, String language) {
    }

    /** The published rows behind it, with their file. */
    public List<RoomQueries.MeasureRow> rows(SteeringRoom room, String indicatorCode, RoomFilters filters, int limit) {
        return reader.rows(room, indicatorCode, filters, limit);
    }

    public List<IndicatorComment> comments(SteeringRoom room, String indicatorCode, RoomFilters filters) {
        return reader.comments(room, indicatorCode, filters);
    }

    /** Drops every cached result (after a change the data version does not see, e.g. in tests). */
    public void clearCache() {
        cache.clear();
    }
}
