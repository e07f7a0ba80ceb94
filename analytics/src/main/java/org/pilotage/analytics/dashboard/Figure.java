package org.pilotage.analytics.dashboard;

/**
 * A value and its target over some rows, combined by the aggregation rule of the store (schema V009,
 * {@code combined_value} and {@code combined_target}); null when no row has a value.
 */
public record Figure(Double value, Double target) {

    public static final Figure NONE = new Figure(null, null);
}
