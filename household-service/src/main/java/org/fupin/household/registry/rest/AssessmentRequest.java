package org.fupin.household.registry.rest;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.household.registry.domain.Assessment;
import org.fupin.household.registry.domain.HousingSafetyGrade;

/** The body of {@code POST /households/{id}/assessments} (兩不愁三保障). */
@Schema(name = "AssessmentRequest")
public record AssessmentRequest(
        @NotNull LocalDate assessedOn,
        @NotNull @Schema(description = "No worry about food (不愁吃).") Boolean food,
        @NotNull @Schema(description = "No worry about clothing (不愁穿).") Boolean clothing,
        @NotNull @Schema(description = "Compulsory education guaranteed (義務教育有保障).") Boolean compulsoryEducation,
        @NotNull @Schema(description = "Basic medical care guaranteed (基本醫療有保障).") Boolean basicMedical,
        @NotNull @Schema(description = "Housing safety grade; A and B are safe (住房安全有保障).") HousingSafetyGrade housingSafetyGrade,
        @NotNull @Schema(description = "Safe drinking water (飲水安全).") Boolean drinkingWater,
        @NotNull @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal annualIncomePerCapita) {

    public Assessment toDomain() {
        return new Assessment(assessedOn, food, clothing, compulsoryEducation, basicMedical, housingSafetyGrade,
                drinkingWater, annualIncomePerCapita);
    }
}
