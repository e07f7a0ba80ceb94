package org.pilotage.analytics.dashboard;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import org.pilotage.analytics.catalogue.CatalogueRepository;
import org.pilotage.analytics.catalogue.Indicator;
import org.pilotage.analytics.notes.CommentRepository;
import org.pilotage.analytics.notes.IndicatorComment;
import org.pilotage.analytics.rooms.ReportingPeriod;
import org.pilotage.analytics.rooms.RoomFilters;
import org.pilotage.analytics.rooms.SteeringRoom;
import org.pilotage.analytics.series.CountPoint;
import org.pilotage.analytics.series.Point;
import org.pilotage.analytics.status.CommitmentRepository;

/** Reads what a room shows for its filters with the named queries of {@code sql/queries/rooms}: one pass per room and filters. */
class RoomDataReader {

    static final int SPARKLINE_MONTHS = 12;

    private final RoomQueries queries;
    private final CatalogueRepository catalogue;
    private final CommitmentRepository commitments;
    private final CommentRepository comments;

    RoomDataReader(RoomQueries queries, CatalogueRepository catalogue, CommitmentRepository commitments, CommentRepository comments) {
        this.queries = queries;
        this.catalogue = catalogue;
        this.commitments = commitments;
        this.comments = comments;
    }

    /** The whole catalogue by code. */
    Map<String, Indicator> catalogue() {
        Map<String, Indicator> byCode = new LinkedHashMap<>();
        catalogue.findAll().forEach(i -> byCode.put(i.code(), i));
        return Collections.unmodifiableMap(byCode);
    }

    /** The directions a room reads for its filters: the one chosen, else the room's own (empty = all). */
    static List<String> directions(SteeringRoom room, RoomFilters filters) {
        if (filters.direction() != null) {
            if (!room.directions().isEmpty() && !room.directions().contains(filters.direction())) {
                throw new IllegalArgumentException("The direction " + filters.direction() + " is outside the room's scope");
            }
            return List.of(filters.direction());
        }
        return room.directions();
    }

    RoomData read(SteeringRoom room, RoomFilters filters, Map<String, Indicator> indicators) {
        List<String> directions = directions(room, filters);
        ReportingPeriod period = filters.period();
        YearMonth to = period.end();
        // The months every use needs: the chart window, the sparkline and the same period a year earlier.
        YearMonth from = min(to.minusMonths(filters.months() - 1L),
                min(to.minusMonths(SPARKLINE_MONTHS - 1L), period.yearEarlier().start()));
        List<String> codes = List.copyOf(indicators.keySet());
        YearMonth chartFrom = to.minusMonths(filters.months() - 1L);
        String compared = filters.compared() != null && indicators.containsKey(filters.compared()) ? filters.compared()
                : codes.isEmpty() ? null : codes.getFirst();
        // The statements do not depend on each other: the smaller ones run beside the figures, each on a connection of its own.
        CompletableFuture<List<CountPoint>> counts = async(() -> room.categories().isEmpty() ? List.of()
                : queries.projectCounts(room.establishment(), directions, room.categories(), chartFrom, to));
        CompletableFuture<Map<String, Figure>> directionTotals = async(() -> compared == null ? Map.of()
                : queries.directionTotals(room.establishment(), directions, filters.project(), compared, period));
        CompletableFuture<List<IndicatorComment>> found = async(() -> codes.isEmpty() ? List.of()
                : comments.find(room.establishment(), codes, chartFrom, to));
        CompletableFuture<CommitmentRepository.Commitments> gaps = async(commitments::all);
        RoomQueries.IndicatorFigures figures = queries.indicatorFigures(room.establishment(), directions, filters.project(), codes,
                from, to, RoomQueries.Periods.of(period));
        Map<String, TreeMap<YearMonth, Point>> months = figures.months();
        Map<String, List<IndicatorComment>> notes = new LinkedHashMap<>();
        for (IndicatorComment c : join(found)) {
            notes.computeIfAbsent(c.indicator(), k -> new ArrayList<>()).add(c);
        }
        Set<Long> ids = new HashSet<>();
        months.values().forEach(m -> m.values().forEach(p -> ids.add(p.ingestionId())));
        join(counts).forEach(c -> ids.add(c.ingestionId()));
        return new RoomData(indicators, months, figures.periods(), join(counts), compared, join(directionTotals), notes, join(gaps),
                queries.ingestions(ids));
    }

    /** A few threads for the statements a room reads beside its figures (at most one room's worth at once per thread). */
    private static final ExecutorService READERS = Executors.newFixedThreadPool(3,
            Thread.ofPlatform().daemon().name("room-reader-", 0).factory());

    private static <T> CompletableFuture<T> async(Supplier<T> read) {
        return CompletableFuture.supplyAsync(read, READERS);
    }

    private static <T> T join(CompletableFuture<T> read) {
        try {
            return read.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** One indicator's monthly series per direction or per project of the room's scope. */
    Map<String, TreeMap<YearMonth, Point>> members(SteeringRoom room, String indicator, boolean perProject, RoomFilters filters) {
        YearMonth to = filters.period().end();
        YearMonth from = to.minusMonths(filters.months() - 1L);
        List<String> directions = directions(room, filters);
        return perProject ? queries.byProject(room.establishment(), directions, indicator, from, to)
                : queries.byDirection(room.establishment(), directions, filters.project(), indicator, from, to);
    }

    /** One indicator's monthly series over each child room's scope, by the child room's name. */
    Map<String, TreeMap<YearMonth, Point>> childRooms(List<SteeringRoom> children, String indicator, RoomFilters filters) {
        YearMonth to = filters.period().end();
        YearMonth from = to.minusMonths(filters.months() - 1L);
        Map<Long, Map<String, TreeMap<YearMonth, Figure>>> figures = queries.roomFigures(
                children.stream().map(SteeringRoom::id).toList(), indicator, from, to);
        Map<String, TreeMap<YearMonth, Point>> out = new LinkedHashMap<>();
        for (SteeringRoom child : children) {
            TreeMap<YearMonth, Point> series = new TreeMap<>();
            figures.getOrDefault(child.id(), Map.of()).getOrDefault(indicator, new TreeMap<>())
                    .forEach((m, f) -> series.put(m, new Point(m, f.value(), f.target(), 0)));
            out.put(child.name(), series);
        }
        return out;
    }

    List<RoomQueries.MeasureRow> rows(SteeringRoom room, String indicator, RoomFilters filters, int limit) {
        YearMonth to = filters.period().end();
        return queries.rows(room.establishment(), directions(room, filters), indicator, to.minusMonths(filters.months() - 1L), to, limit);
    }

    List<IndicatorComment> comments(SteeringRoom room, String indicator, RoomFilters filters) {
        YearMonth to = filters.period().end();
        return comments.find(room.establishment(), List.of(indicator), to.minusMonths(filters.months() - 1L), to);
    }

    boolean touches(SteeringRoom room, long ingestionId) {
        return queries.touches(room.establishment(), ingestionId);
    }

    private static YearMonth min(YearMonth a, YearMonth b) {
        return a.isBefore(b) ? a : b;
    }
}
