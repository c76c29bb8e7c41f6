package org.fupin.reporting.overview;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fupin.platform.inbox.IdempotentConsumer;
import org.fupin.problem.ProblemException;
import org.fupin.platform.security.Caller;
import org.fupin.platform.security.Roles;
import org.fupin.reporting.config.ReportingConfig;
import org.fupin.reporting.readmodel.HouseholdEventsConsumer;
import org.fupin.reporting.scope.ReportRegions;

/** Progress reports for the county, its townships and villages. */
@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports", description = "Progress reports built from events, now or as of a past date")
@RolesAllowed({ Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE, Roles.ASSISTANCE_OFFICER,
        Roles.ANALYST, Roles.INTEGRATOR, Roles.AUDITOR })
public class ReportResource {

    private final OverviewQuery overviews;
    private final ReportRegions regions;
    private final IdempotentConsumer consumer;
    private final Caller caller;
    private final ReportingConfig config;

    public ReportResource(OverviewQuery overviews, ReportRegions regions, IdempotentConsumer consumer, Caller caller,
            ReportingConfig config) {
        this.overviews = overviews;
        this.regions = regions;
        this.consumer = consumer;
        this.caller = caller;
        this.config = config;
    }

    @GET
    @Path("/overview")
    @Operation(summary = "Overview (總覽)",
            description = "Households and people by status, currently poor, poverty incidence, poor and deep-poverty villages with exits.")
    public Overview overview(
            @Parameter(description = "Region code; default the caller's region, or the county.") @QueryParam("region") String region,
            @Parameter(description = "Report as of this date (yyyy-MM-dd); default today.") @QueryParam("asOf") String asOf) {
        return overviews.overview(regions.resolve(region, caller.scope()), dateOf(asOf),
                consumer.freshness(HouseholdEventsConsumer.CONSUMER));
    }

    private LocalDate dateOf(String asOf) {
        LocalDate today = LocalDate.now(config.zone());
        if (asOf == null || asOf.isBlank()) {
            return today;
        }
        try {
            LocalDate date = LocalDate.parse(asOf);
            if (date.isAfter(today)) {
                throw ProblemException.badRequest("invalid-parameter", "asOf cannot be in the future.");
            }
            return date;
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-parameter", "asOf is a date like 2020-06-30.");
        }
    }
}
