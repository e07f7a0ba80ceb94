package org.pilotage.analytics.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.pilotage.analytics.catalogue.EffectLevel;
import org.pilotage.analytics.rooms.RoomFilters;
import org.pilotage.analytics.rooms.SteeringRoom;

/**
 * What a room shows for its filters: tiles by effect level (in the room's order), the charts it has,
 * when its data was last published («Données au …») and the ingestions the data came from.
 */
public record RoomDashboard(SteeringRoom room, RoomFilters filters, Map<EffectLevel, List<IndicatorTile>> tiles,
                            List<RoomChart> charts, Instant freshness, List<Provenance> ingestions, long dataVersion) {

    /** A published ingestion whose rows the room shows. */
    public record Provenance(long id, String fileName, Instant publishedAt) {
    }

    public List<IndicatorTile> allTiles() {
        return tiles.values().stream().flatMap(List::stream).toList();
    }
}
