package org.fupin.household.registry.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.household.registry.domain.Dimension;
import org.fupin.household.registry.domain.HousingSafetyGrade;
import org.fupin.household.registry.service.HouseholdAssessments;

/** An assessment with its verdict. */
@Schema(name = "Assessment")
public record AssessmentView(
        UUID id,
        UUID householdId,
        LocalDate assessedOn,
        boolean food,
        boolean clothing,
        boolean compulsoryEducation,
        boolean basicMedical,
        HousingSafetyGrade housingSafetyGrade,
        boolean drinkingWater,
        BigDecimal annualIncomePerCapita,
        @Schema(description = "All six guarantees hold (income is judged separately).") boolean meetsAllGuarantees,
        @Schema(description = "Failing guarantees, and INCOME when below the poverty line of the assessment's year.")
        List<Dimension> failingDimensions,
        Instant recordedAt,
        String recordedBy) {

    static AssessmentView of(HouseholdAssessments.Recorded recorded) {
        var a = recorded.assessment();
        return new AssessmentView(a.id, a.householdId, a.assessedOn, a.food, a.clothing, a.compulsoryEducation,
                a.basicMedical, a.housingSafetyGrade, a.drinkingWater, a.annualIncomePerCapita,
                recorded.meetsAllGuarantees(), recorded.failingDimensions(), a.recordedAt, a.recordedBy);
    }
}
