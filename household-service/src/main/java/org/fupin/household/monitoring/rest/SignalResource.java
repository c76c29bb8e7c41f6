package org.fupin.household.monitoring.rest;

import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fupin.household.accesslog.domain.AccessKind;
import org.fupin.household.accesslog.service.AccessLog;
import org.fupin.household.monitoring.domain.Department;
import org.fupin.household.monitoring.domain.SignalChannel;
import org.fupin.household.monitoring.domain.SignalKind;
import org.fupin.household.monitoring.domain.SignalOutcome;
import org.fupin.household.monitoring.service.MonitoringQueries;
import org.fupin.household.monitoring.service.SignalIntake;
import org.fupin.platform.page.Page;
import org.fupin.platform.page.PageParams;
import org.fupin.platform.privacy.FieldAccess;
import org.fupin.platform.security.Caller;
import org.fupin.platform.listing.QueryParams;
import org.fupin.security.Roles;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;

/** Signals in (預警信息): from the departments' systems, one at a time or in batches, and the region's list of them. */
@Path("/api/v1/signals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Monitoring", description = "Dynamic monitoring and early warning (防止返貧動態監測): signals, alerts, risk clearance")
public class SignalResource {

    private static final String RULES = " A signal names a person by idNumber or a household by householdNumber (400 signal-subject), "
            + "carries an amount exactly for MEDICAL_EXPENSE, DISASTER_LOSS and INCOME_DROP (400 amount-required, not-applicable), "
            + "happened by today (400 date-in-future); RISK_OBSERVED, ASSESSMENT and FUPIN are fupin's own (400 internal-signal). "
            + "A repeat of a department's signalId with the same content changes nothing (created false); with other content it "
            + "is 409 signal-id-reused. A signal is matched only within the caller's region; about a person fupin does not know "
            + "there it is kept and reported (outcome UNKNOWN_PERSON), never dropped. The receipt does not say whether the person "
            + "is registered.";

    /** The list's filters; an unknown value is a 400, not an empty list. */
    public static class Filter {

        @QueryParam("region")
        @Parameter(description = "Region code; narrowed to the caller's region; a region outside it answers 404.",
                schema = @Schema(pattern = QueryParams.REGION_CODE))
        String region;

        @QueryParam("householdId")
        @Parameter(schema = @Schema(format = "uuid"))
        String householdId;

        @QueryParam("outcome")
        @Parameter(schema = @Schema(implementation = SignalOutcome.class))
        String outcome;

        @QueryParam("kind")
        @Parameter(schema = @Schema(implementation = SignalKind.class))
        String kind;

        @QueryParam("department")
        @Parameter(schema = @Schema(implementation = Department.class))
        String department;

        MonitoringQueries.SignalFilter filter() {
            return new MonitoringQueries.SignalFilter(QueryParams.region("region", region), QueryParams.uuid("householdId", householdId),
                    QueryParams.enumValue(SignalOutcome.class, "outcome", outcome), QueryParams.enumValue(SignalKind.class, "kind", kind),
                    QueryParams.enumValue(Department.class, "department", department));
        }
    }

    private final SignalIntake intake;
    private final MonitoringQueries queries;
    private final Caller caller;
    private final AccessLog accessLog;

    public SignalResource(SignalIntake intake, MonitoringQueries queries, Caller caller, AccessLog accessLog) {
        this.intake = intake;
        this.queries = queries;
        this.caller = caller;
        this.accessLog = accessLog;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.INTEGRATOR, Roles.COUNTY_ADMIN })
    @Operation(summary = "Send a signal", description = "A department's system reports something that may put a household at risk." + RULES)
    @APIResponse(responseCode = "201", description = "Received",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SignalViews.Receipt.class)))
    @APIResponse(responseCode = "200", description = "A repeat of a signal already received (same signalId and department, same "
            + "content): nothing changed; created is false",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SignalViews.Receipt.class)))
    public Response send(@Valid @NotNull SignalRequest body) {
        SignalIntake.Received received = intake.receive(SignalRequests.incoming(body), SignalChannel.API, caller.subject(),
                caller.scope());
        SignalViews.Receipt receipt = SignalViews.Receipt.of(received.signal(), received.created());
        return received.created() ? Response.created(URI.create("/api/v1/signals/" + receipt.id())).entity(receipt).build()
                : Response.ok(receipt).build();
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.INTEGRATOR, Roles.COUNTY_ADMIN })
    @Operation(summary = "Send up to 500 signals",
            description = "All or nothing: a signal refused refuses the batch (its fields named signals[i].field) and none is kept; "
                    + "repeats within or across batches change nothing." + RULES)
    @APIResponseSchema(value = SignalViews.Receipt[].class, responseCode = "200", responseDescription = "A receipt per signal, in order")
    public List<SignalViews.Receipt> sendBatch(@Valid @NotNull SignalRequests.Batch body) {
        return intake.receiveAll(body.signals().stream().map(SignalRequests::incoming).toList(), SignalChannel.API,
                caller.subject(), caller.scope()).stream().map(r -> SignalViews.Receipt.of(r.signal(), r.created())).toList();
    }

    @GET
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE, Roles.ASSISTANCE_OFFICER, Roles.AUDITOR })
    @Operation(summary = "List signals",
            description = "Signals of the caller's region in the order received, with what they led to; outcome=UNKNOWN_PERSON lists "
                    + "those about people fupin does not know (by the county of their ID number), perhaps marginal households to "
                    + "register (邊緣易致貧戶). ID numbers are masked unless the caller may see the region's.")
    public Page<SignalViews.View> list(@BeanParam Filter filter, @BeanParam PageParams page) {
        FieldAccess access = caller.fieldAccess();
        Page<SignalViews.View> signals = queries.signals(filter.filter(), caller.scope(), caller.subject(), page.request())
                .map(s -> SignalViews.View.of(s, access));
        accessLog.record(caller, AccessKind.MONITORING, signals.items().stream().map(SignalViews.View::householdId).toList());
        return signals;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE, Roles.ASSISTANCE_OFFICER, Roles.AUDITOR })
    @Operation(summary = "Read a signal")
    @APIResponseSchema(value = SignalViews.View.class, responseCode = "200", responseDescription = "The signal")
    public SignalViews.View get(@PathParam("id") UUID id) {
        SignalViews.View signal = SignalViews.View.of(queries.signal(id, caller.scope(), caller.subject()), caller.fieldAccess());
        accessLog.record(caller, AccessKind.MONITORING, Collections.singletonList(signal.householdId()));
        return signal;
    }
}
