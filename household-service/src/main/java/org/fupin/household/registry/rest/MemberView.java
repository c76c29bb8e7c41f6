package org.fupin.household.registry.rest;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.household.registry.domain.Education;
import org.fupin.household.registry.domain.Gender;
import org.fupin.household.registry.domain.Health;
import org.fupin.household.registry.domain.LaborCapacity;
import org.fupin.household.registry.domain.Relation;

/** A member as the API shows it; the ID number is masked and the birth date left out for roles that may not see them. */
@Schema(name = "Member")
public record MemberView(
        UUID id,
        String name,
        @Schema(description = "Full for county admins and officers in scope, else masked like 500235********123X.") String idNumber,
        boolean idNumberMasked,
        Gender gender,
        @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate birthDate,
        Relation relation,
        Health health,
        Integer disabilityGrade,
        boolean severeMentalIllness,
        Education education,
        LaborCapacity laborCapacity,
        boolean medicalInsurance,
        boolean migrantWorker) {
}
