package org.fupin.reporting.report;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.platform.listing.QueryParams;

/** What every report takes: the region and the date it is drawn as of. */
public class ReportParams {

    @QueryParam("region")
    @Parameter(description = "Region code; default the caller's region, or the county.",
            schema = @Schema(pattern = QueryParams.REGION_CODE))
    String region;

    @QueryParam("asOf")
    @Parameter(description = "Report as of this date (yyyy-MM-dd), by the effective dates of the events; default today.",
            schema = @Schema(format = "date"))
    String asOf;
}
