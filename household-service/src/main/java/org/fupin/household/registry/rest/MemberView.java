package org.fupin.household.registry.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.household.registry.domain.Education;
import org.fupin.household.registry.domain.Gender;
import org.fupin.household.registry.domain.Health;
import org.fupin.household.registry.domain.LaborCapacity;
import org.fupin.household.registry.domain.Relation;

/**
 * A member as the API shows it, each personal field as the privacy policy lets the caller see it (README,
 * "Personal data"): in full, masked, or left out; {@code masked} and {@code omitted} name those fields.
 */
@Schema(name = "Member")
public record MemberView(
        UUID id,
        @Schema(description = "In full, or masked like 張*豐.") String name,
        @Schema(description = "In full, or masked like 500235********123X.", nullable = true) String idNumber,
        @Schema(description = "Whether idNumber is masked (also listed in masked).") boolean idNumberMasked,
        Gender gender,
        @Schema(description = "Only when the caller sees birth dates in full.") @JsonInclude(JsonInclude.Include.NON_NULL)
        LocalDate birthDate,
        @Schema(description = "The year of birth, when the caller sees birth dates masked.") @JsonInclude(JsonInclude.Include.NON_NULL)
        Integer birthYear,
        Relation relation,
        @Schema(description = "Left out when the policy omits health.") @JsonInclude(JsonInclude.Include.NON_NULL) Health health,
        @Schema(description = "Null for no disability, and when the policy omits disability (see omitted).", nullable = true)
        Integer disabilityGrade,
        @Schema(description = "Left out when the policy omits mental illness.") @JsonInclude(JsonInclude.Include.NON_NULL)
        Boolean severeMentalIllness,
        Education education,
        LaborCapacity laborCapacity,
        boolean medicalInsurance,
        boolean migrantWorker,
        @Schema(description = "The personal fields shown masked to this caller, by their names in the privacy policy.")
        List<String> masked,
        @Schema(description = "The personal fields left out for this caller: a missing value there is withheld, not unknown.")
        List<String> omitted) {
}
