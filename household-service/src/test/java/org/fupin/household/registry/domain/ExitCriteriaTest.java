package org.fupin.household.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Exit needs a recent assessment meeting every guarantee and an income at the poverty line of the year. */
class ExitCriteriaTest {

    private static final PovertyLines LINES = new PovertyLines(Map.of(2019, new BigDecimal("3218"), 2020, new BigDecimal("4000")));
    private static final LocalDate EXIT = LocalDate.of(2020, 6, 30);

    @Test
    void allowsAnExitBackedByARecentPassingAssessment() {
        assertThat(ExitCriteria.check(Optional.of(passing(EXIT.minusDays(30), "4000")), EXIT, LINES)).isEmpty();
    }

    @Test
    void namesEveryFailingDimension() {
        Assessment failing = new Assessment(EXIT.minusDays(1), false, true, true, false, HousingSafetyGrade.C, true,
                new BigDecimal("3999.99"));
        assertThat(ExitCriteria.check(Optional.of(failing), EXIT, LINES))
                .extracting(ExitCriteria.Shortfall::dimension)
                .containsExactly(Dimension.FOOD, Dimension.BASIC_MEDICAL, Dimension.HOUSING, Dimension.INCOME);
    }

    @Test
    void usesThePovertyLineOfTheExitYear() {
        Assessment assessment = passing(LocalDate.of(2019, 12, 20), "3500");
        assertThat(ExitCriteria.check(Optional.of(assessment), LocalDate.of(2019, 12, 31), LINES)).isEmpty();
        assertThat(ExitCriteria.check(Optional.of(assessment), LocalDate.of(2020, 1, 2), LINES))
                .extracting(ExitCriteria.Shortfall::code).containsExactly("income-below-poverty-line");
    }

    @Test
    void refusesWithoutAnAssessmentOrWithOneOlderThanNinetyDays() {
        assertThat(ExitCriteria.check(Optional.empty(), EXIT, LINES))
                .extracting(ExitCriteria.Shortfall::code).containsExactly("no-recent-assessment");
        assertThat(ExitCriteria.check(Optional.of(passing(EXIT.minusDays(91), "5000")), EXIT, LINES))
                .extracting(ExitCriteria.Shortfall::code).containsExactly("no-recent-assessment");
        assertThat(ExitCriteria.check(Optional.of(passing(EXIT.minusDays(90), "5000")), EXIT, LINES)).isEmpty();
    }

    @Test
    void refusesWhenNoLineIsKnownForTheYear() {
        assertThat(ExitCriteria.check(Optional.of(passing(LocalDate.of(2018, 5, 1), "9000")), LocalDate.of(2018, 6, 1), LINES))
                .extracting(ExitCriteria.Shortfall::code).containsExactly("no-poverty-line");
    }

    @Property
    void housingIsSafeOnlyAtGradesAAndB(@ForAll HousingSafetyGrade grade) {
        Assessment assessment = new Assessment(EXIT, true, true, true, true, grade, true, new BigDecimal("5000"));
        assertThat(assessment.meetsAllGuarantees()).isEqualTo(grade == HousingSafetyGrade.A || grade == HousingSafetyGrade.B);
    }

    @Property
    void incomeAtOrAboveTheLinePassesAndBelowItFails(@ForAll @IntRange(min = 0, max = 8000) int income) {
        List<ExitCriteria.Shortfall> shortfalls = ExitCriteria.check(Optional.of(passing(EXIT, String.valueOf(income))), EXIT, LINES);
        assertThat(shortfalls.isEmpty()).isEqualTo(income >= 4000);
    }

    private static Assessment passing(LocalDate on, String income) {
        return new Assessment(on, true, true, true, true, HousingSafetyGrade.A, true, new BigDecimal(income));
    }
}
