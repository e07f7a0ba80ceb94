package org.pilotage.analytics.dashboard;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.pilotage.analytics.catalogue.Indicator;
import org.pilotage.analytics.notes.IndicatorComment;
import org.pilotage.analytics.series.CountPoint;
import org.pilotage.analytics.series.Point;
import org.pilotage.analytics.status.CommitmentRepository.Commitments;

/**
 * Everything a room's queries return for its filters, read once: its tiles and charts derive from it.
 *
 * @param indicators      the room's indicators the catalogue knows, in the room's order
 * @param months          each indicator's months (chart window, sparkline and a year back), directions combined
 * @param periods         each indicator's figure over the period shown, the one before and a year earlier
 * @param counts          the project counts of the room's categories over the chart window
 * @param compared        the indicator the directions are compared on, or null
 * @param directionTotals the compared indicator's figure per direction over the period shown
 * @param comments        the comments of the chart window, by indicator
 * @param ingestions      the published ingestions behind the figures, by id
 */
record RoomData(Map<String, Indicator> indicators, Map<String, TreeMap<YearMonth, Point>> months,
                Map<String, Map<String, Figure>> periods, List<CountPoint> counts, String compared,
                Map<String, Figure> directionTotals, Map<String, List<IndicatorComment>> comments, Commitments commitments,
                Map<Long, RoomDashboard.Provenance> ingestions) {

    static final String NOW = "now";
    static final String PREVIOUS = "previous";
    static final String YEAR_EARLIER = "year-earlier";

    Figure figure(String indicator, String period) {
        return periods.getOrDefault(indicator, Map.of()).getOrDefault(period, Figure.NONE);
    }

    String fileName(long ingestionId) {
        RoomDashboard.Provenance p = ingestions.get(ingestionId);
        return p == null ? null : p.fileName();
    }
}
