package org.pilotage.analytics.rooms;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.pilotage.analytics.catalogue.ProjectCategory;
import org.pilotage.analytics.text.Sentence;

/**
 * What an admin fills in to create or change a room; {@link #problems()} says what is wrong on its own
 * (the rooms service checks the parent room, which needs the others).
 *
 * @param parentId the room one level up in the cascade, or null
 */
public record RoomDraft(String name, RoomLevel level, String establishment, List<String> directions,
                        List<String> indicators, List<ProjectCategory> categories, Long parentId) {

    public RoomDraft {
        name = name == null ? "" : name.strip();
        directions = directions == null ? List.of() : List.copyOf(new LinkedHashSet<>(directions));
        indicators = indicators == null ? List.of() : List.copyOf(new LinkedHashSet<>(indicators));
        categories = categories == null ? List.of() : List.copyOf(new LinkedHashSet<>(categories));
    }

    /** A room at the top of its cascade (or in none). */
    public RoomDraft(String name, RoomLevel level, String establishment, List<String> directions, List<String> indicators,
                     List<ProjectCategory> categories) {
        this(name, level, establishment, directions, indicators, categories, null);
    }

    public RoomDraft withParent(Long parent) {
        return new RoomDraft(name, level, establishment, directions, indicators, categories, parent);
    }

    /** The rules the draft breaks; empty when it may be saved. */
    public List<Sentence> problems() {
        List<Sentence> problems = new ArrayList<>();
        if (name.isEmpty()) {
            problems.add(Sentence.of("room.error.name"));
        } else if (name.length() > 120) {
            problems.add(Sentence.of("room.error.name-length"));
        }
        if (level == null) {
            problems.add(Sentence.of("room.error.level"));
        }
        if (establishment == null || establishment.isBlank()) {
            problems.add(Sentence.of("room.error.establishment"));
        }
        if (indicators.isEmpty() && categories.isEmpty()) {
            problems.add(Sentence.of("room.error.content"));
        }
        return problems;
    }
}
