package org.pilotage.analytics.rooms;

import java.time.Instant;
import java.util.List;

import org.pilotage.analytics.catalogue.ProjectCategory;

/**
 * A steering room: a level, a scope (an establishment and, optionally, some of its directions; none
 * means all) and the ordered indicators and project-count categories it reviews.
 */
public record SteeringRoom(long id, String name, RoomLevel level, String establishment, List<String> directions,
                           List<String> indicators, List<ProjectCategory> categories, Instant updatedAt) {

    public SteeringRoom {
        directions = List.copyOf(directions);
        indicators = List.copyOf(indicators);
        categories = List.copyOf(categories);
    }

    public RoomDraft draft() {
        return new RoomDraft(name, level, establishment, directions, indicators, categories);
    }
}
