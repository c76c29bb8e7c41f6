package org.fupin.household.registry.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One assessment of a household (兩不愁三保障): no worry about food or clothing, compulsory
 * education, basic medical care and safe housing guaranteed, plus safe drinking water; and the
 * income per person measured on the day.
 */
public record Assessment(
        LocalDate assessedOn,
        boolean food,
        boolean clothing,
        boolean compulsoryEducation,
        boolean basicMedical,
        HousingSafetyGrade housingSafetyGrade,
        boolean drinkingWater,
        BigDecimal annualIncomePerCapita) {

    /** The guarantees that do not hold, in the order of the policy; income is judged separately. */
    public List<Dimension> failingGuarantees() {
        List<Dimension> failing = new ArrayList<>();
        if (!food) {
            failing.add(Dimension.FOOD);
        }
        if (!clothing) {
            failing.add(Dimension.CLOTHING);
        }
        if (!compulsoryEducation) {
            failing.add(Dimension.COMPULSORY_EDUCATION);
        }
        if (!basicMedical) {
            failing.add(Dimension.BASIC_MEDICAL);
        }
        if (!housingSafetyGrade.safe()) {
            failing.add(Dimension.HOUSING);
        }
        if (!drinkingWater) {
            failing.add(Dimension.DRINKING_WATER);
        }
        return failing;
    }

    public boolean meetsAllGuarantees() {
        return failingGuarantees().isEmpty();
    }

    /**
     * The failing guarantees and, when the income is below the poverty line of the assessment's
     * year, INCOME; with no line configured for that year income cannot be judged and is not listed.
     */
    public List<Dimension> failingDimensions(Optional<BigDecimal> povertyLine) {
        List<Dimension> failing = failingGuarantees();
        if (povertyLine.isPresent() && annualIncomePerCapita.compareTo(povertyLine.get()) < 0) {
            failing.add(Dimension.INCOME);
        }
        return failing;
    }
}
