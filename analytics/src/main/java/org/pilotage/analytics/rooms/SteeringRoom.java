package org.pilotage.analytics.rooms;

import java.time.Instant;
import java.util.List;

import org.pilotage.analytics.catalogue.ProjectCategory;

/**
 * A steering room: a level, a scope (an establishment and, optionally, some of its directions; none
 * means all), the ordered indicators and project-count categories it reviews, and the room one level up
 * in its cascade (null at the top).
 */
public record SteeringRoom(long id, String name, RoomLevel level, String establishment, List<String> directions,
                           List<String> indicators, List<ProjectCategory> categories, Instant updatedAt, Long parentId) {

    public SteeringRoom {
        directions = List.copyOf(directions);
        indicators = List.copyOf(indicators);
        categories = List.copyOf(categories);
    }

    public SteeringRoom(long id, String name, RoomLevel level, String establishment, List<String> directions,
                        List<String> indicators, List<ProjectCategory> categories, Instant updatedAt) {
        this(id, name, level, establishment, directions, indicators, categories, updatedAt, null);
    }

    public RoomDraft draft() {
        return new RoomDraft(name, level, establishment, directions, indicators, categories, parentId);
    }

    /** Whether this room's scope holds a direction: every direction of its establishment when it names none. */
    public boolean covers(String direction) {
        return directions.isEmpty() || directions.contains(direction);
    }
}
