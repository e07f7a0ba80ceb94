package org.pilotage.analytics;

import static org.pilotage.analytics.FeatureFixture.admin;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import org.pilotage.analytics.rooms.RoomDraft;
import org.pilotage.analytics.rooms.RoomLevel;
import org.pilotage.analytics.rooms.RoomService;
import org.pilotage.analytics.rooms.SteeringRoom;
import org.pilotage.analytics.store.DataVersion;

/**
 * A cascade of E1 over known figures: a strategic room (every direction), a tactical room (D1 and D2) below
 * it and an operational room (D1) below that, all following C1 (a count, better up, target 5 a month) and R1
 * (a ratio, better down, target 14). For the last complete month, D1 has C1 = 1 (red: the commitment is
 * 4.5), D2 has C1 = 5 (green); R1 is 12 in D1 and 20 in D2.
 */
public final class CascadeFixture implements AutoCloseable {

    public final FeatureFixture fx;
    public final YearMonth month;
    public final SteeringRoom strategic;
    public final SteeringRoom tactical;
    public final SteeringRoom operational;

    public CascadeFixture(Path dir) {
        fx = new FeatureFixture(dir);
        RoomService rooms = fx.bean(RoomService.class);
        month = rooms.lastCompleteMonth();
        fx.jdbc.update("""
                INSERT INTO indicator_measure (establishment, direction, project, indicator, period, value, target, ingestion_id) VALUES
                  ('E1', 'D1', '', 'C1', CAST(? AS DATE), 1, NULL, 1),
                  ('E1', 'D2', '', 'C1', CAST(? AS DATE), 5, NULL, 1),
                  ('E1', 'D1', '', 'R1', CAST(? AS DATE), 12, NULL, 1),
                  ('E1', 'D2', '', 'R1', CAST(? AS DATE), 20, NULL, 1)
                """, month.atDay(1).toString(), month.atDay(1).toString(), month.atDay(1).toString(), month.atDay(1).toString());
        fx.bean(DataVersion.class).changed();
        strategic = create(rooms, new RoomDraft("Stratégique E1", RoomLevel.STRATEGIC, "E1", List.of(), List.of("C1", "R1"), List.of()));
        tactical = create(rooms, new RoomDraft("Tactique E1", RoomLevel.TACTICAL, "E1", List.of("D1", "D2"), List.of("C1", "R1"), List.of(),
                strategic.id()));
        operational = create(rooms, new RoomDraft("Opérationnelle D1", RoomLevel.OPERATIONAL, "E1", List.of("D1"), List.of("C1", "R1"),
                List.of(), tactical.id()));
    }

    private static SteeringRoom create(RoomService rooms, RoomDraft draft) {
        return rooms.find(admin(), rooms.create(admin(), draft)).orElseThrow();
    }

    public <T> T bean(Class<T> type) {
        return fx.bean(type);
    }

    @Override
    public void close() {
        fx.close();
    }
}
