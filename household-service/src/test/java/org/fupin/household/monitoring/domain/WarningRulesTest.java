package org.fupin.household.monitoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.fupin.household.registry.domain.PovertyLines;
import org.junit.jupiter.api.Test;

/** Which rule versions are in force for a county on a day, and what a signal fires. */
class WarningRulesTest {

    private static final PovertyLines LINES = new PovertyLines(Map.of(2020, new BigDecimal("4000")));
    private static final LocalDate DAY = LocalDate.of(2021, 6, 1);

    @Test
    void aCountysOwnVersionReplacesTheDefaultFromItsDayAndARetiredRuleIsLeftOut() {
        WarningRule base = rule("disaster-loss", 1, null, WarningCondition.DISASTER_LOSS, "10000", LocalDate.of(2016, 1, 1), true);
        WarningRule own = rule("disaster-loss", 1, "500235", WarningCondition.DISASTER_LOSS, "3000", DAY, true);
        WarningRule jobs = rule("job-loss", 1, null, WarningCondition.SIGNAL_KIND, null, LocalDate.of(2016, 1, 1), true);
        WarningRule jobsRetired = rule("job-loss", 1, "500235", WarningCondition.SIGNAL_KIND, null, DAY, false);
        List<WarningRule> all = List.of(base, own, jobs, jobsRetired);

        assertThat(WarningRules.inForce(all, "500235", DAY.minusDays(1))).containsExactly(base, jobs);
        assertThat(WarningRules.inForce(all, "500235", DAY)).containsExactly(own);
        assertThat(WarningRules.inForce(all, "500236", DAY)).containsExactly(base, jobs);
    }

    @Test
    void incomeUnderOneAndAHalfPovertyLinesFiresAndTheReasonGivesTheFigures() {
        WarningRule rule = new WarningRule(UUID.randomUUID(), "income-below-warning-line", 1, null, "", WarningCondition.INCOME_BELOW_LINE,
                null, null, new BigDecimal("1.50"), null, true, LocalDate.of(2016, 1, 1));

        List<Warning> fired = WarningRules.fire(List.of(rule), facts(SignalKind.INCOME_DROP, "5999", "9000", 3, false), LINES);
        List<Warning> quiet = WarningRules.fire(List.of(rule), facts(SignalKind.INCOME_DROP, "6000", "9000", 3, false), LINES);

        assertThat(fired).singleElement().extracting(Warning::reason).asString().contains("5999", "6000");
        assertThat(quiet).isEmpty();
    }

    @Test
    void aMedicalBillFiresOverTheThresholdOrOverTheShareOfTheHouseholdsIncome() {
        WarningRule rule = new WarningRule(UUID.randomUUID(), "medical-burden", 1, null, "", WarningCondition.MEDICAL_COST,
                new BigDecimal("20000"), new BigDecimal("0.5"), null, null, true, LocalDate.of(2016, 1, 1));

        // 3 people at 6,000 a year: 18,000; half of it is 9,000.
        assertThat(WarningRules.fire(List.of(rule), facts(SignalKind.MEDICAL_EXPENSE, "9500", "6000", 3, false), LINES)).hasSize(1);
        assertThat(WarningRules.fire(List.of(rule), facts(SignalKind.MEDICAL_EXPENSE, "8500", "6000", 3, false), LINES)).isEmpty();
        assertThat(WarningRules.fire(List.of(rule), facts(SignalKind.MEDICAL_EXPENSE, "25000", "90000", 3, false), LINES)).hasSize(1);
    }

    @Test
    void theDeathOfTheOnlyLabourerFiresAndAnotherMembersDoesNot() {
        WarningRule rule = rule("only-labourer-lost", 1, null, WarningCondition.LABOURER_LOST, null, LocalDate.of(2016, 1, 1), true);

        assertThat(WarningRules.fire(List.of(rule), facts(SignalKind.DEATH, null, "9000", 3, true), LINES)).hasSize(1);
        assertThat(WarningRules.fire(List.of(rule), facts(SignalKind.DEATH, null, "9000", 3, false), LINES)).isEmpty();
        assertThat(WarningRules.fire(List.of(rule), facts(SignalKind.JOB_LOSS, null, "9000", 3, true), LINES)).isEmpty();
    }

    private static WarningRule rule(String code, int version, String county, WarningCondition condition, String threshold, LocalDate from,
            boolean active) {
        return new WarningRule(UUID.randomUUID(), code, version, county, code, condition, threshold == null ? null : new BigDecimal(threshold),
                null, null, condition == WarningCondition.SIGNAL_KIND ? SignalKind.JOB_LOSS : null, active, from);
    }

    private static SignalFacts facts(SignalKind kind, String amount, String income, int members, boolean onlyLabourer) {
        return new SignalFacts(kind, DAY, amount == null ? null : new BigDecimal(amount), new BigDecimal(income), members, onlyLabourer,
                List.of());
    }
}
