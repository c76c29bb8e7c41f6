package org.fupin.household.monitoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.fupin.household.registry.domain.Assessment;
import org.fupin.household.registry.domain.HousingSafetyGrade;
import org.fupin.kernel.Refusal;
import org.junit.jupiter.api.Test;

/** Risk elimination needs the whole period covered: the assessment in force at its start and every one since. */
class StableIncomeTest {

    private static final LocalDate PROPOSED = LocalDate.of(2021, 10, 1);

    @Test
    void theAssessmentAtTheStartAndEveryOneSinceMustHold() {
        List<StableIncome.Evidence<String>> held = List.of(evidence("a", PROPOSED.minusMonths(8), 7000, true),
                evidence("b", PROPOSED.minusMonths(3), 6500, true), evidence("older", PROPOSED.minusMonths(20), 1000, false));

        assertThat(StableIncome.require(held, PROPOSED, 6, day -> Optional.of(new BigDecimal("6000")))).containsExactly("a", "b");
    }

    @Test
    void withoutAnAssessmentAtTheStartThePeriodIsNotCovered() {
        List<StableIncome.Evidence<String>> recent = List.of(evidence("b", PROPOSED.minusMonths(3), 9000, true));

        assertThatThrownBy(() -> StableIncome.require(recent, PROPOSED, 6, day -> Optional.of(new BigDecimal("6000"))))
                .isInstanceOf(Refusal.class).extracting("code").isEqualTo("risk-not-eliminated");
    }

    @Test
    void aDipUnderTheWarningLineOrAFailingGuaranteeWithinThePeriodRefuses() {
        List<StableIncome.Evidence<String>> dip = List.of(evidence("a", PROPOSED.minusMonths(7), 7000, true),
                evidence("b", PROPOSED.minusMonths(2), 5900, true));
        List<StableIncome.Evidence<String>> unsafe = List.of(evidence("a", PROPOSED.minusMonths(7), 7000, true),
                evidence("b", PROPOSED.minusMonths(2), 9000, false));

        assertThatThrownBy(() -> StableIncome.require(dip, PROPOSED, 6, day -> Optional.of(new BigDecimal("6000"))))
                .hasMessageContaining("5900");
        assertThatThrownBy(() -> StableIncome.require(unsafe, PROPOSED, 6, day -> Optional.of(new BigDecimal("6000"))))
                .hasMessageContaining("HOUSING");
    }

    private static StableIncome.Evidence<String> evidence(String id, LocalDate on, int income, boolean safeHousing) {
        return new StableIncome.Evidence<>(id, new Assessment(on, true, true, true, true,
                safeHousing ? HousingSafetyGrade.A : HousingSafetyGrade.D, true, BigDecimal.valueOf(income)));
    }
}
