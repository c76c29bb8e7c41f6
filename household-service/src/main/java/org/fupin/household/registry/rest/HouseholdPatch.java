package org.fupin.household.registry.rest;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.household.registry.domain.HouseholdCategory;
import org.fupin.household.registry.domain.PovertyCause;
import org.fupin.kernel.Formats;

/**
 * What {@code PATCH /api/v1/households/{id}} accepts, for the OpenAPI document only: the resource reads
 * the body as a JSON merge patch, so that a field left out stays as it is and one sent as null is cleared.
 * The fields are exactly {@code HouseholdChanges.PATCHABLE} (a test keeps them in step).
 */
@Schema(name = "HouseholdPatch", description = "JSON merge patch (RFC 7396): only the fields sent change; any other field is "
        + "refused with 400. The same rules as at registration apply to the result.")
public record HouseholdPatch(
        @Schema(description = "Moves the household to another village of the caller's region; its householdNo stays.",
                examples = "500235101202") String villageCode,
        String address,
        @Schema(description = "Mainland mobile or landline with area code; null clears it.", pattern = Formats.PHONE) String phone,
        HouseholdCategory category,
        List<PovertyCause> causes,
        @Schema(description = "Must be one of causes.") PovertyCause primaryCause,
        Integer identifiedYear,
        @Schema(description = "Annual net income per capita in CNY, at most two decimals.") BigDecimal annualIncomePerCapita) {
}
