package org.pilotage.analytics.dashboard;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.pilotage.analytics.catalogue.EffectLevel;
import org.pilotage.analytics.catalogue.Indicator;
import org.pilotage.analytics.rooms.ReportingPeriod;
import org.pilotage.analytics.series.Point;
import org.pilotage.analytics.status.Status;
import org.pilotage.analytics.status.StatusRules;
import org.pilotage.analytics.status.Trend;

/**
 * A room's figures: one tile per indicator (value and target as the store combined them, commitment,
 * status, trends, sparkline, freshness), by effect level.
 */
final class Tiles {

    private Tiles() {
    }

    static Map<EffectLevel, List<IndicatorTile>> of(RoomData data, ReportingPeriod period) {
        Map<EffectLevel, List<IndicatorTile>> tiles = new EnumMap<>(EffectLevel.class);
        for (Indicator indicator : data.indicators().values()) {
            tiles.computeIfAbsent(indicator.level(), k -> new ArrayList<>()).add(tile(indicator, period, data));
        }
        tiles.replaceAll((k, v) -> List.copyOf(v));
        return tiles;
    }

    static Instant freshness(RoomData data) {
        return data.ingestions().values().stream().map(RoomDashboard.Provenance::publishedAt)
                .filter(Objects::nonNull).max(Instant::compareTo).orElse(null);
    }

    static IndicatorTile tile(Indicator indicator, ReportingPeriod period, RoomData data) {
        String code = indicator.code();
        Figure now = data.figure(code, RoomData.NOW);
        Figure previous = data.figure(code, RoomData.PREVIOUS);
        Figure yearEarlier = data.figure(code, RoomData.YEAR_EARLIER);
        double gap = data.commitments().gapPercent(code, period.end());
        Status status = StatusRules.status(now.value(), now.target(), gap, indicator.betterUp());
        TreeMap<YearMonth, Point> months = data.months().getOrDefault(code, new TreeMap<>());
        List<Double> sparkline = new ArrayList<>();
        for (YearMonth m = period.end().minusMonths(RoomDataReader.SPARKLINE_MONTHS - 1L); !m.isAfter(period.end()); m = m.plusMonths(1)) {
            Point p = months.get(m);
            sparkline.add(p == null ? null : p.value());
        }
        Map.Entry<YearMonth, Point> last = months.floorEntry(period.end());
        Instant loadedAt = last == null ? null : Optional.ofNullable(data.ingestions().get(last.getValue().ingestionId()))
                .map(RoomDashboard.Provenance::publishedAt).orElse(null);
        return new IndicatorTile(indicator, now.value(), now.target(),
                StatusRules.commitment(now.target(), gap, indicator.betterUp()), status,
                Trend.of(now.value(), previous.value(), indicator.betterUp()),
                Trend.of(now.value(), yearEarlier.value(), indicator.betterUp()),
                Collections.unmodifiableList(sparkline), last == null ? null : last.getKey(), loadedAt);
    }
}
