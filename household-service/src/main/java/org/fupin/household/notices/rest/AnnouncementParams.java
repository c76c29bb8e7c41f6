package org.fupin.household.notices.rest;

import java.time.LocalDate;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.fupin.platform.listing.QueryParams;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The query of an announcement list: a region and a period; a malformed value is a 400, not an empty list. */
public class AnnouncementParams {

    @QueryParam("region")
    @Parameter(description = "A village, township or county code within the caller's region (default: the caller's region); "
            + "a region outside it answers 404.", schema = @Schema(pattern = QueryParams.REGION_CODE))
    String region;

    @QueryParam("from")
    @Parameter(description = "The first day of the period (default: 30 days before to).", schema = @Schema(format = "date"))
    String from;

    @QueryParam("to")
    @Parameter(description = "The last day of the period (default: today).", schema = @Schema(format = "date"))
    String to;

    String region() {
        return QueryParams.region("region", region);
    }

    LocalDate to(LocalDate today) {
        LocalDate day = QueryParams.date("to", to);
        return day == null ? today : day;
    }

    LocalDate from(LocalDate today) {
        LocalDate day = QueryParams.date("from", from);
        return day == null ? to(today).minusDays(30) : day;
    }
}
