package org.pilotage.analytics.status;

/**
 * The change of a value against a reference period.
 *
 * @param change    current minus reference
 * @param improving whether the change goes the way the indicator's {@code better} says is good
 */
public record Trend(double current, double reference, double change, Direction direction, boolean improving) {

    public enum Direction { UP, DOWN, FLAT }

    private static final double EPSILON = 1e-9;

    /** The trend of {@code current} against {@code reference}; null when either is missing. */
    public static Trend of(Double current, Double reference, boolean betterUp) {
        if (current == null || reference == null) {
            return null;
        }
        double change = current - reference;
        Direction direction = Math.abs(change) <= EPSILON * Math.max(1, Math.abs(reference)) ? Direction.FLAT
                : change > 0 ? Direction.UP : Direction.DOWN;
        boolean improving = direction == Direction.UP ? betterUp : direction == Direction.DOWN && !betterUp;
        return new Trend(current, reference, direction == Direction.FLAT ? 0 : change, direction, improving);
    }
}
