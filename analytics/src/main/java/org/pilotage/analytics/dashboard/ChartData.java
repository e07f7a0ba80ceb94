package org.pilotage.analytics.dashboard;

import java.util.List;

/**
 * The data behind a chart, as a table: column codes (stable, English, for analysts' tools) and rows
 * whose cells are {@code String}, {@code Double}, {@code Long} or null.
 */
public record ChartData(List<String> columns, List<List<Object>> rows) {

    public ChartData {
        columns = List.copyOf(columns);
        rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r))).toList();
    }
}
