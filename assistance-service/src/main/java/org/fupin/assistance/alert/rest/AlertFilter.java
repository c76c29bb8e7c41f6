package org.fupin.assistance.alert.rest;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.fupin.assistance.alert.domain.AlertType;
import org.fupin.platform.listing.QueryParams;

/** The alert list's filters: the type is required, the region optional. */
public class AlertFilter {

    @QueryParam("type")
    @Parameter(required = true, description = "UNPAIRED_HOUSEHOLD, OVERDUE_VISIT, VILLAGE_WITHOUT_WORK_TEAM or RISK_OBSERVED",
            schema = @Schema(implementation = AlertType.class))
    String type;

    @QueryParam("region")
    @Parameter(description = "Region code; narrowed to the caller's region; a region outside it answers 404.",
            schema = @Schema(pattern = QueryParams.REGION_CODE))
    String region;

    AlertType type() {
        AlertType alertType = QueryParams.enumValue(AlertType.class, "type", type);
        if (alertType == null) {
            throw QueryParams.invalid("type", "type is required: one of UNPAIRED_HOUSEHOLD, OVERDUE_VISIT, "
                    + "VILLAGE_WITHOUT_WORK_TEAM, RISK_OBSERVED.");
        }
        return alertType;
    }

    String region() {
        return QueryParams.region("region", region);
    }
}
