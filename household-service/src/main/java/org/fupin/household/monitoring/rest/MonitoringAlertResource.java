package org.fupin.household.monitoring.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fupin.household.accesslog.domain.AccessKind;
import org.fupin.household.accesslog.service.AccessLog;
import org.fupin.household.config.RegistryConfig;
import org.fupin.household.monitoring.domain.AlertStatus;
import org.fupin.household.monitoring.persistence.MonitoringAlertEntity;
import org.fupin.household.monitoring.service.AlertSteps;
import org.fupin.household.monitoring.service.MonitoringQueries;
import org.fupin.platform.listing.QueryParams;
import org.fupin.platform.page.Page;
import org.fupin.platform.page.PageParams;
import org.fupin.platform.privacy.FieldAccess;
import org.fupin.platform.security.Caller;
import org.fupin.platform.web.ETags;
import org.fupin.security.Roles;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

/** Monitoring alerts (預警): the lists and worklists, one alert with its signals, the verification and the township's decision. */
@Path("/api/v1/monitoring-alerts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Monitoring")
public class MonitoringAlertResource {

    /** The list's filters; an unknown value is a 400, not an empty list. */
    public static class Filter {

        @QueryParam("region")
        @Parameter(description = "Region code; narrowed to the caller's region; a region outside it answers 404.",
                schema = @Schema(pattern = QueryParams.REGION_CODE))
        String region;

        @QueryParam("householdId")
        @Parameter(schema = @Schema(format = "uuid"))
        String householdId;

        @QueryParam("status")
        @Parameter(schema = @Schema(implementation = AlertStatus.class))
        String status;

        @QueryParam("assigneeId")
        @Parameter(description = "A helper's (or a work team's) id: the alerts assigned to them.",
                schema = @Schema(format = "uuid"))
        String assigneeId;

        @QueryParam("overdue")
        @Parameter(description = "true: open alerts past their due day; false: the others.",
                schema = @Schema(type = SchemaType.BOOLEAN))
        String overdue;

        MonitoringQueries.AlertFilter filter() {
            return new MonitoringQueries.AlertFilter(QueryParams.region("region", region), QueryParams.uuid("householdId", householdId),
                    QueryParams.enumValue(AlertStatus.class, "status", status), QueryParams.uuid("assigneeId", assigneeId),
                    QueryParams.bool("overdue", overdue));
        }
    }

    /** A worklist: the counts, and the open alerts with their signals, soonest due first. */
    @Schema(name = "MonitoringWorklist")
    public record WorklistView(long open, long overdue, @Schema(description = "Confirmed by the visit, waiting for the township.")
            long awaitingDecision, List<AlertView> alerts) {
    }

    private static final String READERS_NOTE = " Alerts of households in the caller's region.";

    private final AlertSteps steps;
    private final MonitoringQueries queries;
    private final Caller caller;
    private final RegistryConfig registry;
    private final AccessLog accessLog;

    public MonitoringAlertResource(AlertSteps steps, MonitoringQueries queries, Caller caller, RegistryConfig registry,
            AccessLog accessLog) {
        this.steps = steps;
        this.queries = queries;
        this.caller = caller;
        this.registry = registry;
        this.accessLog = accessLog;
    }

    @GET
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE, Roles.ASSISTANCE_OFFICER, Roles.AUDITOR })
    @Operation(summary = "List monitoring alerts", description = "In the order they opened." + READERS_NOTE)
    public Page<AlertView> list(@BeanParam Filter filter, @BeanParam PageParams page) {
        LocalDate today = today();
        return queries.alerts(filter.filter(), caller.scope(), page.request()).map(a -> AlertView.of(a, today));
    }

    @GET
    @Path("/worklist")
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE, Roles.ASSISTANCE_OFFICER, Roles.AUDITOR })
    @Operation(summary = "A monitoring worklist (監測工作台賬)",
            description = "The open alerts of a helper (assigneeId) or of a region (a village, a township), soonest due first, with "
                    + "their signals and warnings (the first 200), and how many are open, overdue and waiting for the township."
                    + READERS_NOTE)
    public WorklistView worklist(
            @QueryParam("assigneeId") @Parameter(description = "A helper's or a work team's id.", schema = @Schema(format = "uuid"))
            String assigneeId,
            @QueryParam("region") @Parameter(description = "Region code; narrowed to the caller's region.",
                    schema = @Schema(pattern = QueryParams.REGION_CODE)) String region) {
        MonitoringQueries.Worklist list = queries.worklist(QueryParams.uuid("assigneeId", assigneeId), QueryParams.region("region", region),
                caller.scope());
        LocalDate today = today();
        FieldAccess access = caller.fieldAccess();
        WorklistView view = new WorklistView(list.open(), list.overdue(), list.awaitingDecision(),
                list.alerts().stream().map(d -> AlertView.of(d, today, access)).toList());
        accessLog.record(caller, AccessKind.MONITORING, list.alerts().stream().map(d -> d.alert().householdId).toList());
        return view;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE, Roles.ASSISTANCE_OFFICER, Roles.AUDITOR })
    @Operation(summary = "Read a monitoring alert", description = "With its signals and the rule versions they fired.")
    @APIResponseSchema(value = AlertView.class, responseCode = "200", responseDescription = "The alert")
    public Response get(@PathParam("id") UUID id) {
        MonitoringQueries.AlertDetail detail = queries.detail(id, caller.scope());
        AlertView view = AlertView.of(detail, today(), caller.fieldAccess());
        accessLog.record(caller, AccessKind.MONITORING, List.of(detail.alert().householdId));
        return Response.ok(view).tag(String.valueOf(detail.alert().version)).build();
    }

    @POST
    @Path("/{id}/verification")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.VILLAGE_CADRE, Roles.ASSISTANCE_OFFICER, Roles.TOWNSHIP_OFFICER })
    @Operation(summary = "Verify an alert (入戶核實)",
            description = "The helper's visit: RISK_CONFIRMED with a riskType waits for the township; DISMISSED closes the alert with "
                    + "the findings as reason. 409 alert-not-open; 422 date-before-previous-step before the alert opened. Publishes "
                    + "monitoring-alert.verified. If-Match optional.")
    @APIResponseSchema(value = AlertView.class, responseCode = "200", responseDescription = "The alert after the visit")
    public Response verify(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull MonitoringRequests.Verification body) {
        MonitoringAlertEntity alert = steps.verify(id, new AlertSteps.Verification(body.verifiedOn(), body.outcome(), body.riskType(),
                body.findings().strip()), ETags.expectedIfGiven(ifMatch), caller.scope(), MonitoringRequests.actor(caller));
        return Response.ok(AlertView.of(alert, today())).tag(String.valueOf(alert.version)).build();
    }

    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.TOWNSHIP_OFFICER, Roles.COUNTY_ADMIN })
    @Operation(summary = "Decide on a confirmed risk (鄉鎮審核)",
            description = "By someone other than the verifier (403 same-person): APPROVE makes the household MONITORED with the risk "
                    + "type from decidedOn (EXITED or NOT_POOR households; one monitored already stays so; 409 illegal-transition if "
                    + "its status no longer allows it); SEND_BACK (with a reason) opens the alert again for another visit. 409 "
                    + "alert-not-verified. Publishes monitoring-alert.decided and household.status-changed. If-Match optional.")
    @APIResponseSchema(value = AlertView.class, responseCode = "200", responseDescription = "The alert after the decision")
    public Response decide(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull MonitoringRequests.AlertDecision body) {
        boolean approves = body.decision() == MonitoringRequests.AlertVerdict.APPROVE;
        MonitoringAlertEntity alert = steps.decide(id, new AlertSteps.Decision(approves, body.decidedOn(),
                body.reason() == null ? null : body.reason().strip()), ETags.expectedIfGiven(ifMatch), caller.scope(),
                MonitoringRequests.actor(caller));
        return Response.ok(AlertView.of(alert, today())).tag(String.valueOf(alert.version)).build();
    }

    private LocalDate today() {
        return LocalDate.now(registry.zone());
    }
}
