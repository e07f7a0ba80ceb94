package org.pilotage.analytics.status;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Status against target and commitment, and trends, as steering rooms read them. */
class StatusRulesTest {

    @Test
    void higherIsBetterGreenAtOrBeyondTargetAmberDownToTheCommitmentRedBelow() {
        assertThat(StatusRules.status(100.0, 100.0, 10, true)).isEqualTo(Status.ON_TARGET);
        assertThat(StatusRules.status(130.0, 100.0, 10, true)).isEqualTo(Status.ON_TARGET);
        assertThat(StatusRules.status(99.9, 100.0, 10, true)).isEqualTo(Status.COMMITMENT_MET);
        assertThat(StatusRules.status(90.0, 100.0, 10, true)).isEqualTo(Status.COMMITMENT_MET);
        assertThat(StatusRules.status(89.99, 100.0, 10, true)).isEqualTo(Status.BELOW_COMMITMENT);
    }

    @Test
    void lowerIsBetterTurnsTheRuleAround() {
        // A response time of 14 days at most; commitment 10 % above it: 15.4 days.
        assertThat(StatusRules.status(14.0, 14.0, 10, false)).isEqualTo(Status.ON_TARGET);
        assertThat(StatusRules.status(9.0, 14.0, 10, false)).isEqualTo(Status.ON_TARGET);
        assertThat(StatusRules.status(15.4, 14.0, 10, false)).isEqualTo(Status.COMMITMENT_MET);
        assertThat(StatusRules.status(15.5, 14.0, 10, false)).isEqualTo(Status.BELOW_COMMITMENT);
        assertThat(StatusRules.commitment(14.0, 10, false)).isCloseTo(15.4, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aWiderCommitmentGapTurnsRedIntoAmber() {
        assertThat(StatusRules.status(80.0, 100.0, 10, true)).isEqualTo(Status.BELOW_COMMITMENT);
        assertThat(StatusRules.status(80.0, 100.0, 25, true)).isEqualTo(Status.COMMITMENT_MET);
        assertThat(StatusRules.commitment(100.0, 25, true)).isEqualTo(75.0);
    }

    @Test
    void missingValueOrTargetHasNoColour() {
        assertThat(StatusRules.status(null, 100.0, 10, true)).isEqualTo(Status.NO_DATA);
        assertThat(StatusRules.status(50.0, null, 10, true)).isEqualTo(Status.NO_TARGET);
        assertThat(StatusRules.commitment(null, 10, true)).isNull();
    }

    @Test
    void trendsSayWhichWayTheValueMovedAndWhetherThatIsGood() {
        Trend up = Trend.of(12.0, 10.0, true);
        assertThat(up.change()).isEqualTo(2.0);
        assertThat(up.direction()).isEqualTo(Trend.Direction.UP);
        assertThat(up.improving()).isTrue();

        Trend fasterResponse = Trend.of(12.0, 15.0, false);
        assertThat(fasterResponse.change()).isEqualTo(-3.0);
        assertThat(fasterResponse.direction()).isEqualTo(Trend.Direction.DOWN);
        assertThat(fasterResponse.improving()).isTrue();

        Trend slowerResponse = Trend.of(15.0, 12.0, false);
        assertThat(slowerResponse.improving()).isFalse();

        Trend flat = Trend.of(10.0, 10.0, true);
        assertThat(flat.direction()).isEqualTo(Trend.Direction.FLAT);
        assertThat(flat.improving()).isFalse();
    }

    @Test
    void aMissingMonthGivesNoTrend() {
        assertThat(Trend.of(10.0, null, true)).isNull();
        assertThat(Trend.of(null, 10.0, true)).isNull();
    }
}
