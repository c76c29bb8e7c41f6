package org.fupin.household.notices.rest;

import java.time.LocalDate;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.fupin.platform.listing.QueryParams;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The query of a notice list: a region and a day; a malformed value is a 400, not an empty list. */
public class NoticeParams {

    @QueryParam("region")
    @Parameter(description = "A village, township or county code within the caller's region (default: the caller's region); "
            + "a region outside it answers 404.", schema = @Schema(pattern = QueryParams.REGION_CODE))
    String region;

    @QueryParam("on")
    @Parameter(description = "The day whose board to show (default: today in the county's time zone).",
            schema = @Schema(format = "date"))
    String on;

    String region() {
        return QueryParams.region("region", region);
    }

    LocalDate on(LocalDate today) {
        LocalDate day = QueryParams.date("on", on);
        return day == null ? today : day;
    }
}
