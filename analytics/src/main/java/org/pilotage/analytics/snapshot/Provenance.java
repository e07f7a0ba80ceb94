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
import org.pilotage.analytics.rooms.RoomDashboard;

/**
 * Where a snapshot comes from: the room and its scope, the filters and period, the data's freshness,
 * the ingestions whose rows it shows, when and for whom it was generated, and a short hash of its
 * content (the same data and parameters give the same hash).
 */
public record Provenance(long roomId, String room, String level, String scope, String filters, String period,
                         Instant freshness, List<RoomDashboard.Provenance> ingestions, Instant generatedAt,
                         String generatedBy, String contentHash, Locale locale) {

    private static final ZoneId ZONE = ZoneId.of("America/Montreal");

    /** The lines printed on a snapshot, in its language. */
    public List<String> lines() {
        ChartLabels l = ChartLabels.of(locale);
        boolean fr = !"en".equals(locale.getLanguage());
        DateTimeFormatter day = DateTimeFormatter.ofPattern(fr ? "d MMMM yyyy" : "MMMM d, yyyy", l.locale());
        DateTimeFormatter time = DateTimeFormatter.ofPattern(fr ? "d MMMM yyyy 'à' HH:mm:ss z" : "MMMM d, yyyy 'at' HH:mm:ss z", l.locale());
        return List.of(
                l.get("prov.room").replace("{0}", room).replace("{1}", level).replace("{2}", scope),
                l.get("prov.filters").replace("{0}", filters).replace("{1}", period),
                (freshness == null ? l.get("prov.no-data") : l.get("prov.freshness").replace("{0}", day.format(freshness.atZone(ZONE))))
                        + " · " + l.get("prov.ingestions").replace("{0}", ingestionList(fr)),
                l.get("prov.generated").replace("{0}", time.format(generatedAt.atZone(ZONE))).replace("{1}", generatedBy)
                        .replace("{2}", contentHash));
    }

    private String ingestionList(boolean fr) {
        if (ingestions.isEmpty()) {
            return "—";
        }
        return ingestions.stream().map(i -> (fr ? "n° " : "#") + i.id() + " " + i.fileName()).collect(Collectors.joining(", "));
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
