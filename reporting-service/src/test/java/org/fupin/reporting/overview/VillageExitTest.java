package org.fupin.reporting.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class VillageExitTest {

    private static final BigDecimal THREE_PERCENT = new BigDecimal("0.03");

    @Test
    void aVillageExitsOnceItsIncidenceIsBelowTheThreshold() {
        assertThat(VillageExit.hasExited(2, 100, THREE_PERCENT)).isTrue();
        assertThat(VillageExit.hasExited(29, 1000, THREE_PERCENT)).isTrue();
        assertThat(VillageExit.hasExited(0, 100, THREE_PERCENT)).isTrue();
    }

    @Test
    void exactlyAtTheThresholdIsNotBelowIt() {
        assertThat(VillageExit.hasExited(3, 100, THREE_PERCENT)).isFalse();
        assertThat(VillageExit.hasExited(30, 1000, THREE_PERCENT)).isFalse();
    }

    @Test
    void withoutARuralPopulationAVillageCannotBeJudgedExited() {
        assertThat(VillageExit.hasExited(0, null, THREE_PERCENT)).isFalse();
        assertThat(VillageExit.hasExited(0, 0, THREE_PERCENT)).isFalse();
    }
}
