package org.pilotage.analytics.rooms;

import java.time.YearMonth;
import java.util.Map;

/**
 * Published once the demo profile's rooms are created: the features that belong to a room (priority
 * actions, comments) seed their demo content in them.
 *
 * @param lastMonth the last month the demo data covers
 * @param rooms     the rooms created, by their key in the demo file
 */
public record DemoRoomsCreated(YearMonth lastMonth, Map<String, SteeringRoom> rooms) {

    public DemoRoomsCreated {
        rooms = Map.copyOf(rooms);
    }
}
