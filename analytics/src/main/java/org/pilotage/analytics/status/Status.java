package org.pilotage.analytics.status;

/**
 * Where an indicator stands against its target and commitment level, as Québec steering rooms read
 * it: green at or beyond the target, amber between the commitment and the target, red short of the
 * commitment.
 */
public enum Status {
    ON_TARGET("on-target"),
    COMMITMENT_MET("commitment-met"),
    BELOW_COMMITMENT("below-commitment"),
    NO_TARGET("no-target"),
    NO_DATA("no-data");

    private final String code;

    Status(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
