package org.fupin.assistance.organisation.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.assistance.organisation.domain.HelperKind;
import org.fupin.assistance.organisation.service.Helpers;

/** A helper as the API shows it, with the households currently paired with them. */
@Schema(name = "Helper")
public record HelperView(UUID id, String name, @Schema(nullable = true) String phone, UUID unitId,
        @Schema(description = "The region of the helper's unit.") String regionCode, HelperKind kind, int maxHouseholds,
        @Schema(description = "Households paired with the helper now.") int activeHouseholds) {

    static HelperView of(Helpers.Row row) {
        return new HelperView(row.id(), row.name(), row.phone(), row.unitId(), row.regionCode(), row.kind(),
                row.maxHouseholds(), row.activeHouseholds());
    }
}
