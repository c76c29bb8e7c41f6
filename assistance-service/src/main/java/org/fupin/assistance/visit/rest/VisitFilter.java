package org.fupin.assistance.visit.rest;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.fupin.assistance.visit.service.VisitSearch;
import org.fupin.platform.listing.QueryParams;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

/** The filters of the visit list (JSON and CSV alike); an unknown value is a 400, not an empty list. */
public class VisitFilter {

    @QueryParam("region")
    @Parameter(description = "Region code; narrowed to the caller's region; a region outside it answers 404.",
            schema = @Schema(pattern = QueryParams.REGION_CODE))
    String region;

    @QueryParam("helperId")
    @Parameter(schema = @Schema(format = "uuid"))
    String helperId;

    @QueryParam("householdId")
    @Parameter(schema = @Schema(format = "uuid"))
    String householdId;

    @QueryParam("from")
    @Parameter(description = "First day, e.g. 2019-06-01", schema = @Schema(format = "date"))
    String from;

    @QueryParam("to")
    @Parameter(description = "Last day, e.g. 2019-06-30", schema = @Schema(format = "date"))
    String to;

    @QueryParam("riskObserved")
    @Parameter(description = "true: visits that observed a risk", schema = @Schema(type = SchemaType.BOOLEAN))
    String riskObserved;

    VisitSearch.Criteria criteria() {
        return new VisitSearch.Criteria(QueryParams.region("region", region), QueryParams.uuid("helperId", helperId),
                QueryParams.uuid("householdId", householdId), QueryParams.date("from", from), QueryParams.date("to", to),
                QueryParams.bool("riskObserved", riskObserved));
    }
}
