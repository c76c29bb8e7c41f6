package org.fupin.assistance.organisation.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.assistance.organisation.domain.HelperKind;
import org.fupin.kernel.Formats;

/**
 * What {@code PATCH /api/v1/helpers/{id}} accepts, for the OpenAPI document only (the resource reads a
 * JSON merge patch). The fields are exactly {@code Helpers.PATCHABLE}.
 */
@Schema(name = "HelperPatch", description = "JSON merge patch (RFC 7396): only the fields sent change; any other field is "
        + "refused with 400.")
public record HelperPatch(
        String name,
        @Schema(description = "Mainland mobile or landline with area code; null clears it.", pattern = Formats.PHONE) String phone,
        UUID unitId,
        HelperKind kind,
        @Schema(description = "1 to 100; not below the helper's active households (422 helper-capacity-exceeded).")
        Integer maxHouseholds) {
}
