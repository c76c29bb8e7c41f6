package org.fupin.assistance.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.fupin.kernel.Violation;
import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;

/** The ledger's rules: one target, exact money, dates, forward-only status, one confirmation. */
class MeasureRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2020, 6, 30);
    private static final UUID HOUSEHOLD = UUID.randomUUID();

    @Test
    void aMeasureIsForExactlyOneHouseholdOrVillage() {
        assertThat(MeasureRules.check(measure(HOUSEHOLD, null, "100", TODAY, MeasureStatus.IN_PROGRESS), TODAY)).isEmpty();
        assertThat(MeasureRules.check(measure(null, "500235101201", "100", TODAY, MeasureStatus.IN_PROGRESS), TODAY)).isEmpty();
        assertThat(codes(MeasureRules.check(measure(null, null, "100", TODAY, MeasureStatus.PLANNED), TODAY)))
                .containsExactly("householdId:exactly-one");
        assertThat(codes(MeasureRules.check(measure(HOUSEHOLD, "500235101201", "100", TODAY, MeasureStatus.PLANNED), TODAY)))
                .containsExactly("villageCode:exactly-one");
    }

    @Test
    void moneyIsExactNeverNegativeWithAtMostTwoDecimals() {
        assertThat(MeasureRules.checkAmount(new BigDecimal("0"))).isEmpty();
        assertThat(MeasureRules.checkAmount(new BigDecimal("3000.50"))).isEmpty();
        assertThat(MeasureRules.checkAmount(new BigDecimal("3000.500"))).as("trailing zeros are not decimals").isEmpty();
        assertThat(MeasureRules.checkAmount(new BigDecimal("999999999999.99"))).isEmpty();
        assertThat(codes(MeasureRules.checkAmount(new BigDecimal("-0.01")))).containsExactly("amount:range");
        assertThat(codes(MeasureRules.checkAmount(new BigDecimal("0.005")))).containsExactly("amount:precision");
        assertThat(codes(MeasureRules.checkAmount(new BigDecimal("1000000000000")))).containsExactly("amount:precision");
        assertThat(codes(MeasureRules.checkAmount(null))).containsExactly("amount:required");
        assertThat(MeasureRules.money(new BigDecimal("3000.5"))).isEqualTo(new BigDecimal("3000.50"));
    }

    @Property
    void everyAmountOfCentsIsAcceptedAndKeptExactly(
            @ForAll @BigRange(min = "0", max = "999999999999.99") @Scale(2) BigDecimal amount) {
        assertThat(MeasureRules.checkAmount(amount)).isEmpty();
        assertThat(MeasureRules.money(amount)).isEqualByComparingTo(amount);
        assertThat(MeasureRules.money(amount).scale()).isEqualTo(2);
    }

    @Test
    void onlyAPlannedMeasureStartsInTheFuture() {
        assertThat(MeasureRules.check(measure(HOUSEHOLD, null, "1", TODAY.plusDays(30), MeasureStatus.PLANNED), TODAY)).isEmpty();
        assertThat(codes(MeasureRules.check(measure(HOUSEHOLD, null, "1", TODAY.plusDays(1), MeasureStatus.IN_PROGRESS), TODAY)))
                .containsExactly("startedOn:date-in-future");
    }

    @Property
    void aStatusOnlyMovesForward(@ForAll MeasureStatus from, @ForAll MeasureStatus to) {
        assertThat(MeasureRules.toChangeStatus(from, to).isPresent()).isEqualTo(to.ordinal() < from.ordinal());
    }

    @Test
    void aHouseholdConfirmsAStartedMeasureOnce() {
        assertThat(MeasureRules.toConfirm(true, MeasureStatus.IN_PROGRESS, false)).isEmpty();
        assertThat(MeasureRules.toConfirm(true, MeasureStatus.COMPLETED, false)).isEmpty();
        assertThat(MeasureRules.toConfirm(false, MeasureStatus.COMPLETED, false)).contains(MeasureRefusal.NOT_A_HOUSEHOLD_MEASURE);
        assertThat(MeasureRules.toConfirm(true, MeasureStatus.COMPLETED, true)).contains(MeasureRefusal.ALREADY_CONFIRMED);
        assertThat(MeasureRules.toConfirm(true, MeasureStatus.PLANNED, false)).contains(MeasureRefusal.MEASURE_NOT_STARTED);
        assertThat(MeasureRules.checkConfirmation(TODAY, TODAY.minusDays(5), TODAY)).isEmpty();
        assertThat(codes(MeasureRules.checkConfirmation(TODAY.plusDays(1), TODAY, TODAY))).containsExactly("confirmedOn:date-in-future");
        assertThat(codes(MeasureRules.checkConfirmation(TODAY.minusDays(6), TODAY.minusDays(5), TODAY)))
                .containsExactly("confirmedOn:confirmed-before-start");
    }

    @Test
    void aConfirmedAmountNoLongerChanges() {
        BigDecimal amount = new BigDecimal("3000.00");
        assertThat(MeasureRules.toChangeAmount(true, amount, new BigDecimal("3000.0"))).isEmpty();
        assertThat(MeasureRules.toChangeAmount(false, amount, new BigDecimal("1.00"))).isEmpty();
        assertThat(MeasureRules.toChangeAmount(true, amount, new BigDecimal("1.00"))).contains(MeasureRefusal.AMOUNT_CONFIRMED);
    }

    private static MeasureFacts measure(UUID household, String village, String amount, LocalDate startedOn, MeasureStatus status) {
        return new MeasureFacts(MeasureType.INDUSTRY, household, village, ProviderKind.UNIT, UUID.randomUUID(),
                new BigDecimal(amount), startedOn, status, "茶苗 500 株");
    }

    private static List<String> codes(List<Violation> errors) {
        return errors.stream().map(e -> e.field() + ":" + e.code()).toList();
    }
}
