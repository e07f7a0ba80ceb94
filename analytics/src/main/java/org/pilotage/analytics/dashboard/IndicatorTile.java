package org.pilotage.analytics.dashboard;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import org.pilotage.analytics.catalogue.Indicator;
import org.pilotage.analytics.status.Status;
import org.pilotage.analytics.status.Trend;

/**
 * One indicator of a room for a period: its value and target, commitment, status, trends against the
 * previous period and the same period a year earlier, the last 12 months for a sparkline (null where a
 * month has no value) and the freshness of its data.
 */
public record IndicatorTile(Indicator indicator, Double value, Double target, Double commitment, Status status,
                            Trend vsPrevious, Trend vsYearEarlier, List<Double> sparkline, YearMonth lastMonthWithData,
                            Instant loadedAt) {
}
