package org.pilotage.analytics.series;

import java.time.YearMonth;

import org.pilotage.analytics.catalogue.ProjectCategory;

/** The number of projects of a category in a month; ingestionId is the newest ingestion behind it. */
public record CountPoint(YearMonth period, ProjectCategory category, long count, long ingestionId) {
}
