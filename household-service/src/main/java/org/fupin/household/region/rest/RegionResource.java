package org.fupin.household.region.rest;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fupin.household.region.service.RegionDefinition;
import org.fupin.household.region.persistence.RegionEntity;
import org.fupin.household.region.service.RegionService;
import org.fupin.platform.security.Caller;
import org.fupin.platform.web.ETags;
import org.fupin.platform.page.Page;
import org.fupin.platform.page.PageParams;
import org.fupin.problem.ProblemException;
import org.fupin.security.Roles;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.fupin.platform.listing.QueryParams;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;

/** Administrative regions: county → township → village. */
@Path("/api/v1/regions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Regions", description = "Administrative regions (行政區劃): county, townships, villages")
public class RegionResource {

    private final RegionService regions;
    private final Caller caller;

    public RegionResource(RegionService regions, Caller caller) {
        this.regions = regions;
        this.caller = caller;
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COUNTY_ADMIN)
    @Operation(summary = "Define or redefine a region",
            description = "Creates the region (201) or, with If-Match, replaces its definition (200). Only inside the caller's "
                    + "region: a code outside it answers 404, whether or not that region exists.")
    @APIResponse(responseCode = "201", description = "The region, created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegionView.class)))
    @APIResponse(responseCode = "200", description = "The region, redefined",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegionView.class)))
    public Response put(@PathParam("code") String code, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull RegionRequest body) {
        RegionService.Upserted result = regions.upsert(code, new RegionDefinition(body.name(), body.level(),
                body.parentCode(), body.ruralPopulation(), body.poorVillage(), body.deepPoverty()), ETags.given(ifMatch), caller.scope());
        Response.ResponseBuilder response = result.created()
                ? Response.created(URI.create("/api/v1/regions/" + code))
                : Response.ok();
        return response.tag(String.valueOf(result.region().version))
                .entity(RegionView.of(result.region()))
                .build();
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE, Roles.ASSISTANCE_OFFICER,
            Roles.ANALYST, Roles.INTEGRATOR, Roles.AUDITOR })
    @Operation(summary = "Read a region", description = "A region inside the caller's region or above it (their township "
            + "and county); any other answers 404.")
    @APIResponseSchema(value = RegionView.class, responseCode = "200", responseDescription = "The region")
    public Response get(@PathParam("code") String code) {
        RegionEntity region = regions.get(code, caller.scope());
        return Response.ok(RegionView.of(region)).tag(String.valueOf(region.version)).build();
    }

    @GET
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE, Roles.ASSISTANCE_OFFICER,
            Roles.ANALYST, Roles.INTEGRATOR, Roles.AUDITOR })
    @Operation(summary = "List the children of a region", description = "Regions whose parent is `parent`, in code order: all of them inside the caller's region, "
                    + "only the caller's own above it (a cadre asking for the county's townships sees their own township).")
    public Page<RegionView> children(@QueryParam("parent") @Parameter(required = true, description = "The parent region's code; "
            + "one not registered answers 404.", schema = @Schema(pattern = QueryParams.REGION_CODE)) String parent,
            @BeanParam PageParams page) {
        if (parent == null || parent.isBlank()) {
            throw ProblemException.badRequest("invalid-parameter", "The parent query parameter is required.");
        }
        return regions.children(parent, caller.scope(), page.request()).map(RegionView::of);
    }
}
