package org.fupin.assistance.visit.rest;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.fupin.assistance.visit.service.VisitSearch;
import org.fupin.platform.listing.QueryParams;

/** The filters of the visit list (JSON and CSV alike); an unknown value is a 400, not an empty list. */
public class VisitFilter {

    @QueryParam("region")
    @Parameter(description = "Region code; narrowed to the caller's region; a region outside it answers 404.")
    String region;

    @QueryParam("helperId")
    String helperId;

    @QueryParam("householdId")
    String householdId;

    @QueryParam("from")
    @Parameter(description = "First day, e.g. 2019-06-01")
    String from;

    @QueryParam("to")
    @Parameter(description = "Last day, e.g. 2019-06-30")
    String to;

    @QueryParam("riskObserved")
    @Parameter(description = "true: visits that observed a risk")
    String riskObserved;

    VisitSearch.Criteria criteria() {
        return new VisitSearch.Criteria(QueryParams.region("region", region), QueryParams.uuid("helperId", helperId),
                QueryParams.uuid("householdId", householdId), QueryParams.date("from", from), QueryParams.date("to", to),
                QueryParams.bool("riskObserved", riskObserved));
    }
}
