package org.pilotage.analytics.dashboard;

import java.util.Optional;

import org.pilotage.analytics.catalogue.EffectLevel;

/** The charts of a room, by their stable ids (used in URLs). */
public enum RoomChart {
    ORGANISATIONAL("organisational", EffectLevel.ORGANISATIONAL),
    PRACTITIONER("practitioner", EffectLevel.PRACTITIONER),
    CLIENTELE("clientele", EffectLevel.CLIENTELE),
    PROJECT_COUNTS("project-counts", null),
    DIRECTIONS("directions", null);

    private final String id;
    private final EffectLevel level;

    RoomChart(String id, EffectLevel level) {
        this.id = id;
        this.level = level;
    }

    public String id() {
        return id;
    }

    /** The effect level of a section chart; null for the room-wide charts. */
    public EffectLevel level() {
        return level;
    }

    /** The chart's title in the labels' language (the directions chart without its indicator). */
    public String title(org.pilotage.analytics.charts.ChartLabels labels) {
        return switch (this) {
            case PROJECT_COUNTS -> labels.get("charts.chart.project-counts");
            case DIRECTIONS -> labels.get("charts.chart.directions-title");
            default -> labels.level(level);
        };
    }

    public static Optional<RoomChart> parse(String id) {
        for (RoomChart c : values()) {
            if (c.id.equals(id)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    public static RoomChart of(EffectLevel level) {
        for (RoomChart c : values()) {
            if (c.level == level) {
                return c;
            }
        }
        throw new IllegalArgumentException(String.valueOf(level));
    }
}
