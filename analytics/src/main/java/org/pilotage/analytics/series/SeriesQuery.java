package org.pilotage.analytics.series;

import java.time.YearMonth;

/**
 * What series to read. Null filters mean "all": no establishment = every establishment, no
 * direction = summed (counts) or averaged (other units) over directions, no project =
 * establishment/direction-level rows.
 */
public record SeriesQuery(String indicator, String level, String establishment, String direction, String project,
                          YearMonth from, YearMonth to, java.util.List<String> scope) {

    /** Without a scope: every establishment the other filters allow. */
    public SeriesQuery(String indicator, String level, String establishment, String direction, String project,
                       YearMonth from, YearMonth to) {
        this(indicator, level, establishment, direction, project, from, to, null);
    }

    public SeriesQuery {
        if (from == null || to == null) {
            throw new IllegalArgumentException("from and to are required");
        }
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from (" + from + ") is after to (" + to + ")");
        }
    }
}
