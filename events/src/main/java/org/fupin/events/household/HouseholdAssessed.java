package org.fupin.events.household;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code household.assessed}: a household was assessed against 兩不愁三保障 (food, clothing, compulsory
 * education, basic medical care, safe housing), drinking water and income.
 */
public record HouseholdAssessed(
        UUID householdId,
        UUID assessmentId,
        LocalDate assessedOn,
        boolean food,
        boolean clothing,
        boolean compulsoryEducation,
        boolean basicMedical,
        String housingSafetyGrade,
        boolean drinkingWater,
        BigDecimal annualIncomePerCapita,
        boolean meetsAllGuarantees,
        List<String> failingDimensions) {

    public HouseholdAssessed {
        failingDimensions = failingDimensions == null ? null : List.copyOf(failingDimensions);
    }
}
