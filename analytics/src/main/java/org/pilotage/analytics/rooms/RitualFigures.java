package org.pilotage.analytics.rooms;

import java.time.LocalDate;

/**
 * A room's ritual indicators over a window (the last three months), the way the network's evaluation grids read a room.
 *
 * @param held             meetings held (closed) in the window
 * @param expected         meetings its cadence called for in the window, or null without a cadence
 * @param attendance       average share of the listed members present, or null without a meeting
 * @param actionsOnTime    share of its priority actions due in the window that were done by their due date, or null
 * @param medianAnswerDays median days from an escalation's receipt to its first answer, or null
 */
public record RitualFigures(LocalDate from, LocalDate to, int held, Integer expected, Double attendance, Double actionsOnTime,
                            Double medianAnswerDays) {
}
