package org.fupin.assistance.organisation.rest;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.fupin.assistance.organisation.domain.UnitType;
import org.fupin.assistance.organisation.service.Units;
import org.fupin.platform.listing.QueryParams;

/** The filters of the unit list (JSON and CSV alike); an unknown value is a 400, not an empty list. */
public class UnitFilter {

    @QueryParam("groupId")
    @Parameter(description = "Units of this assistance group", schema = @Schema(format = "uuid"))
    String groupId;

    @QueryParam("type")
    @Parameter(description = "DEPARTMENT, TOWNSHIP_GOVERNMENT, ENTERPRISE, SCHOOL, HOSPITAL or SOCIAL_ORGANIZATION",
            schema = @Schema(implementation = UnitType.class))
    String type;

    Units.Criteria criteria() {
        return new Units.Criteria(QueryParams.uuid("groupId", groupId), QueryParams.enumValue(UnitType.class, "type", type));
    }
}
