package org.pilotage.analytics.series;

import java.time.YearMonth;

/** A month's value and target of one series; ingestionId is the newest ingestion behind it. */
public record Point(YearMonth period, Double value, Double target, long ingestionId) {
}
