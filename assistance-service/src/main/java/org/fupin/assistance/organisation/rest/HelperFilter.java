package org.fupin.assistance.organisation.rest;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.fupin.assistance.organisation.domain.HelperKind;
import org.fupin.assistance.organisation.service.Helpers;
import org.fupin.platform.listing.QueryParams;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

/** The filters of the helper list (JSON and CSV alike); an unknown value is a 400, not an empty list. */
public class HelperFilter {

    @QueryParam("unitId")
    @Parameter(description = "Helpers of this unit", schema = @Schema(format = "uuid"))
    String unitId;

    @QueryParam("kind")
    @Parameter(description = "COUNTY_LEADER, CADRE, TEACHER, DOCTOR, ENTERPRISE_STAFF or VOLUNTEER",
            schema = @Schema(implementation = HelperKind.class))
    String kind;

    @QueryParam("available")
    @Parameter(description = "true: fewer active households than maxHouseholds; false: full",
            schema = @Schema(type = SchemaType.BOOLEAN))
    String available;

    Helpers.Criteria criteria() {
        return new Helpers.Criteria(QueryParams.uuid("unitId", unitId), QueryParams.enumValue(HelperKind.class, "kind", kind),
                QueryParams.bool("available", available));
    }
}
