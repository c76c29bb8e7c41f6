package org.fupin.household.cases.rest;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.fupin.household.cases.domain.CaseKind;
import org.fupin.household.cases.domain.CaseStatus;
import org.fupin.household.cases.domain.Stage;
import org.fupin.household.cases.service.CaseQueries;
import org.fupin.platform.listing.QueryParams;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

/** The filters of the case list; an unknown value is a 400, not an empty list. */
public class CaseFilter {

    @QueryParam("region")
    @Parameter(description = "Region code; narrowed to the caller's region; a region outside it answers 404.",
            schema = @Schema(pattern = QueryParams.REGION_CODE))
    String region;

    @QueryParam("householdId")
    @Parameter(schema = @Schema(format = "uuid"))
    String householdId;

    @QueryParam("kind")
    @Parameter(description = "IDENTIFY, EXIT, RETURN or REMOVE", schema = @Schema(implementation = CaseKind.class))
    String kind;

    @QueryParam("status")
    @Parameter(description = "OPEN, OBJECTED, APPROVED, REJECTED, STOPPED or WITHDRAWN",
            schema = @Schema(implementation = CaseStatus.class))
    String status;

    @QueryParam("waitingFor")
    @Parameter(description = "Open cases waiting at this stage today (the stage after a notice waits from the day it ends).",
            schema = @Schema(implementation = Stage.class))
    String waitingFor;

    @QueryParam("overdue")
    @Parameter(description = "true: cases whose waiting step is past its time limit; false: the others.",
            schema = @Schema(type = SchemaType.BOOLEAN))
    String overdue;

    CaseQueries.Filter filter() {
        return new CaseQueries.Filter(QueryParams.region("region", region), QueryParams.uuid("householdId", householdId),
                QueryParams.enumValue(CaseKind.class, "kind", kind), QueryParams.enumValue(CaseStatus.class, "status", status),
                QueryParams.enumValue(Stage.class, "waitingFor", waitingFor), QueryParams.bool("overdue", overdue));
    }
}
