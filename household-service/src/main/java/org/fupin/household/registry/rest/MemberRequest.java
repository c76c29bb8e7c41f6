package org.fupin.household.registry.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.household.registry.domain.Education;
import org.fupin.household.registry.domain.Health;
import org.fupin.household.registry.domain.LaborCapacity;
import org.fupin.household.registry.domain.NewMember;
import org.fupin.household.registry.domain.Relation;
import org.fupin.kernel.Formats;

/** A member in a registration or in {@code POST .../members}. */
@Schema(name = "MemberRequest")
public record MemberRequest(
        @NotBlank @Size(max = 50) @Schema(examples = "张三") String name,
        @NotBlank @Schema(description = "Resident ID number (身份證號), 18 characters, GB 11643 check digit; gender and birth date are derived from it.",
                pattern = Formats.ID_NUMBER, examples = "500235198001011234") String idNumber,
        @NotNull Relation relation,
        @NotNull Health health,
        @Min(1) @Max(4) @Schema(description = "Disability grade 1 (most severe) to 4; null when not disabled.") Integer disabilityGrade,
        @NotNull Boolean severeMentalIllness,
        @NotNull Education education,
        @NotNull LaborCapacity laborCapacity,
        @NotNull @Schema(description = "Covered by basic medical insurance (基本醫療保險).") Boolean medicalInsurance,
        @NotNull @Schema(description = "Works away from home (外出務工).") Boolean migrantWorker,
        @Size(max = 500) @Schema(description = "Adding a member alone, after a 409 possible-duplicate: why the candidates are other "
                + "people (5 to 500 characters). In a registration, the household's duplicateConfirmation covers every member "
                + "(400 confirmation-per-household).", minLength = 5)
        String duplicateConfirmation) {

    NewMember toDomain() {
        return new NewMember(name, idNumber, relation, health, disabilityGrade, severeMentalIllness,
                education, laborCapacity, medicalInsurance, migrantWorker);
    }
}
