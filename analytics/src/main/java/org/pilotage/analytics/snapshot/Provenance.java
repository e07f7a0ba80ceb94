package org.pilotage.analytics.snapshot;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.pilotage.analytics.charts.ChartLabels;
import org.pilotage.analytics.dashboard.RoomDashboard;

/**
 * Where a snapshot comes from: the room and its scope, the filters and period, the data's freshness,
 * the ingestions whose rows it shows, when and for whom it was generated, and a short hash of its
 * content (the same data and parameters give the same hash).
 */
public record Provenance(long roomId, String room, String level, String scope, String filters, String period,
                         Instant freshness, List<RoomDashboard.Provenance> ingestions, Instant generatedAt,
                         String generatedBy, String contentHash, Locale locale) {

    private static final ZoneId ZONE = org.pilotage.analytics.text.NetworkTime.ZONE;

    /** The lines printed on a snapshot, in its language. */
    public List<String> lines() {
        ChartLabels l = ChartLabels.of(locale);
        DateTimeFormatter day = DateTimeFormatter.ofPattern(l.get("format.date"), l.locale());
        DateTimeFormatter time = DateTimeFormatter.ofPattern(l.get("format.timestamp"), l.locale());
        return List.of(
                l.get("charts.prov.room", room, level, scope),
                l.get("charts.prov.filters", filters, period),
                (freshness == null ? l.get("charts.prov.no-data") : l.get("charts.prov.freshness", day.format(freshness.atZone(ZONE))))
                        + " · " + l.get("charts.prov.ingestions", ingestionList(l)),
                l.get("charts.prov.generated", time.format(generatedAt.atZone(ZONE)), generatedBy, contentHash));
    }

    private String ingestionList(ChartLabels l) {
        if (ingestions.isEmpty()) {
            return "—";
        }
        return ingestions.stream().map(i -> l.get("format.ingestion-ref", i.id()) + " " + i.fileName()).collect(Collectors.joining(", "));
    }

    /** The same facts as key → value, for a file's own metadata fields. */
    public Map<String, String> metadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Pilotage-Room", roomId + " " + room);
        m.put("Pilotage-Level", level);
        m.put("Pilotage-Scope", scope);
        m.put("Pilotage-Filters", filters);
        m.put("Pilotage-Period", period);
        m.put("Pilotage-Data-As-Of", freshness == null ? "" : freshness.toString());
        m.put("Pilotage-Ingestions", ingestions.stream().map(i -> i.id() + " " + i.fileName()).collect(Collectors.joining("; ")));
        m.put("Pilotage-Generated-At", generatedAt.toString());
        m.put("Pilotage-Generated-By", generatedBy);
        m.put("Pilotage-Content-Hash", contentHash);
        m.put("Pilotage-Language", locale.getLanguage());
        return m;
    }
}
