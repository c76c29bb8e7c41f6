package org.fupin.household.registry.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.household.registry.domain.Education;
import org.fupin.household.registry.domain.Health;
import org.fupin.household.registry.domain.LaborCapacity;
import org.fupin.household.registry.domain.Relation;
import org.fupin.kernel.Formats;

/**
 * What {@code PATCH /api/v1/households/{id}/members/{memberId}} accepts, for the OpenAPI document only
 * (the resource reads a JSON merge patch). The fields are exactly {@code HouseholdMembers.PATCHABLE}.
 */
@Schema(name = "MemberPatch", description = "JSON merge patch (RFC 7396): only the fields sent change; any other field is "
        + "refused with 400. The same rules as for a new member apply to the result.")
public record MemberPatch(
        @Schema(description = "After a 409 possible-duplicate for a new name or ID number: why the candidates are other people "
                + "(5 to 500 characters); recorded in history, not a fact of the member.", minLength = 5, maxLength = 500)
        String duplicateConfirmation,
        String name,
        @Schema(description = "Resident ID number; unique across the registry (409 duplicate-id-number).",
                pattern = Formats.ID_NUMBER) String idNumber,
        @Schema(description = "Making a member HEAD turns the previous head into OTHER.") Relation relation,
        Health health,
        @Schema(description = "1 (most severe) to 4; null when not disabled.", minimum = "1", maximum = "4") Integer disabilityGrade,
        Boolean severeMentalIllness,
        Education education,
        LaborCapacity laborCapacity,
        Boolean medicalInsurance,
        Boolean migrantWorker) {
}
