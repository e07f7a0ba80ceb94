package org.pilotage.analytics.rooms;

import java.util.Optional;

import org.pilotage.analytics.text.Fold;

/** The level a steering room works at. */
public enum RoomLevel {
    STRATEGIC("strategic", "strategique"),
    TACTICAL("tactical", "tactique"),
    OPERATIONAL("operational", "operationnel");

    private final String code;
    private final String frenchCode;

    RoomLevel(String code, String frenchCode) {
        this.code = code;
        this.frenchCode = frenchCode;
    }

    public String code() {
        return code;
    }

    /** The level of a parent room: operational → tactical → strategic; none above strategic. */
    public Optional<RoomLevel> above() {
        return switch (this) {
            case OPERATIONAL -> Optional.of(TACTICAL);
            case TACTICAL -> Optional.of(STRATEGIC);
            case STRATEGIC -> Optional.empty();
        };
    }

    public static Optional<RoomLevel> parse(String text) {
        String folded = Fold.fold(text);
        for (RoomLevel level : values()) {
            if (level.code.equals(folded) || level.frenchCode.equals(folded)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }

    public static RoomLevel ofCode(String code) {
        return parse(code).orElseThrow(() -> new IllegalArgumentException("Unknown room level " + code));
    }
}
