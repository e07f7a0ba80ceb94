package org.pilotage.analytics.status;

/**
 * The status of a value against its target and commitment level, respecting which way is better.
 * The commitment lies {@code gapPercent} % of the target short of it (10 % unless set otherwise).
 */
public final class StatusRules {

    public static final double DEFAULT_GAP_PERCENT = 10;
    private static final double EPSILON = 1e-9;

    private StatusRules() {
    }

    /** The commitment level for a target: short of it by gapPercent % of its size, on the side that is worse. */
    public static Double commitment(Double target, double gapPercent, boolean betterUp) {
        if (target == null) {
            return null;
        }
        double gap = Math.abs(target) * gapPercent / 100.0;
        return betterUp ? target - gap : target + gap;
    }

    public static Status status(Double value, Double target, double gapPercent, boolean betterUp) {
        if (value == null || value.isNaN()) {
            return Status.NO_DATA;
        }
        if (target == null || target.isNaN()) {
            return Status.NO_TARGET;
        }
        double commitment = commitment(target, gapPercent, betterUp);
        double tolerance = EPSILON * Math.max(1, Math.abs(target));
        // Oriented so that "higher is better" in both cases.
        double v = betterUp ? value : -value;
        double t = betterUp ? target : -target;
        double c = betterUp ? commitment : -commitment;
        if (v >= t - tolerance) {
            return Status.ON_TARGET;
        }
        if (v >= c - tolerance) {
            return Status.COMMITMENT_MET;
        }
        return Status.BELOW_COMMITMENT;
    }
}
