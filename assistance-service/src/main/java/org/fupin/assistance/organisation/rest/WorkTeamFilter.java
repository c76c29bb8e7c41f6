package org.fupin.assistance.organisation.rest;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.fupin.platform.listing.QueryParams;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The work-team list's one filter, the region (JSON and CSV alike). */
public class WorkTeamFilter {

    @QueryParam("region")
    @Parameter(description = "Region code; narrowed to the caller's region; a region outside it answers 404.",
            schema = @Schema(pattern = QueryParams.REGION_CODE))
    String region;

    String region() {
        return QueryParams.region("region", region);
    }
}
