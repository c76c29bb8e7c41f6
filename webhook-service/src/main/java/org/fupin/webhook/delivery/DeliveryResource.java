package org.fupin.webhook.delivery;

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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fupin.platform.listing.QueryParams;
import org.fupin.platform.page.Page;
import org.fupin.platform.page.PageParams;
import org.fupin.platform.security.Caller;
import org.fupin.security.Roles;
import org.fupin.webhook.subscription.Subscriptions;

/** A subscription's delivery log (status, attempts, latency), redelivery of one event, and replay from a time. */
@Path("/api/v1/webhooks/subscriptions/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
public class DeliveryResource {

    private final DeliveryLog log;
    private final Caller caller;

    public DeliveryResource(DeliveryLog log, Caller caller) {
        this.log = log;
        this.caller = caller;
    }

    @GET
    @Path("/deliveries")
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.INTEGRATOR, Roles.AUDITOR })
    @Operation(summary = "The delivery log", description = "Newest first, with each delivery's status, attempts and the last "
            + "attempt's status, error and latency. Kept 30 days after delivery (by default); waiting ones until delivered.")
    public Page<DeliveryView> deliveries(@PathParam("id") UUID id,
            @QueryParam("status") @Parameter(description = "Only PENDING or only DELIVERED ones.",
                    schema = @Schema(type = SchemaType.STRING, enumeration = { "PENDING", "DELIVERED" })) String status,
            @BeanParam PageParams page) {
        DeliveryStatus only = QueryParams.enumValue(DeliveryStatus.class, "status", status);
        return log.page(id, only == null ? null : only.name(), Subscriptions.Requester.of(caller), page.request());
    }

    @GET
    @Path("/deliveries/{eventId}")
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.INTEGRATOR, Roles.AUDITOR })
    @Operation(summary = "One delivery, with every attempt")
    public DeliveryView delivery(@PathParam("id") UUID id, @PathParam("eventId") String eventId) {
        return log.get(id, eventId, Subscriptions.Requester.of(caller));
    }

    @POST
    @Path("/deliveries/{eventId}/redeliver")
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.INTEGRATOR })
    @Operation(summary = "Send one event again",
            description = "Whatever became of it before; the receiver sees the same webhook-id. Goes out once nothing of the "
                    + "same household waits before it, and only while the subscription is active.")
    @APIResponseSchema(value = DeliveryView.class, responseCode = "202", responseDescription = "Queued")
    public Response redeliver(@PathParam("id") UUID id, @PathParam("eventId") String eventId) {
        return Response.accepted(log.redeliver(id, eventId, Subscriptions.Requester.of(caller))).build();
    }

    @POST
    @Path("/replay")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.INTEGRATOR })
    @Operation(summary = "Send again everything delivered since a time",
            description = "Every delivered event that occurred at or after from goes out again, in the original order, with the "
                    + "original webhook-id. A from older than the log's retention answers 422 replay-beyond-retention.")
    @APIResponseSchema(value = ReplayResult.class, responseCode = "202", responseDescription = "Queued")
    public Response replay(@PathParam("id") UUID id, @Valid @NotNull ReplayRequest body) {
        return Response.accepted(log.replay(id, body.from(), Subscriptions.Requester.of(caller))).build();
    }

    /** The statuses the log filters by. */
    public enum DeliveryStatus { PENDING, DELIVERED }
}
