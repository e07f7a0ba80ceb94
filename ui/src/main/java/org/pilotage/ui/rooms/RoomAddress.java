package org.pilotage.ui.rooms;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.router.QueryParameters;
import org.pilotage.analytics.rooms.RoomFilters;
import org.pilotage.analytics.rooms.RoomService.FilterWords;

/**
 * A room's filters as they travel in addresses ({@code ?kind=quarter&period=2026-09&direction=DSM&project=P-001}),
 * shared by the room, indicator and wall-screen views. The words are checked by the rooms feature.
 */
final class RoomAddress {

    private RoomAddress() {
    }

    /** The words of an address; the window is not one of them (screens show the default window). */
    static FilterWords words(QueryParameters query) {
        Map<String, List<String>> p = query.getParameters();
        return new FilterWords(first(p, "kind"), first(p, "period"), null, first(p, "direction"), first(p, "project"), null);
    }

    static QueryParameters query(RoomFilters filters) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("kind", filters.period().kind().code());
        q.put("period", filters.period().end().toString());
        if (filters.direction() != null) {
            q.put("direction", filters.direction());
        }
        if (filters.project() != null) {
            q.put("project", filters.project());
        }
        return QueryParameters.simple(q);
    }

    private static String first(Map<String, List<String>> p, String name) {
        return p.getOrDefault(name, List.of()).stream().filter(v -> !v.isBlank()).findFirst().orElse(null);
    }
}
