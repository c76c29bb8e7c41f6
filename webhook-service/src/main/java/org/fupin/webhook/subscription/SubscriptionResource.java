package org.fupin.webhook.subscription;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fupin.platform.page.Page;
import org.fupin.platform.page.PageParams;
import org.fupin.platform.security.Caller;
import org.fupin.security.Roles;

/**
 * Webhook subscriptions (訂閱): a system names a URL and the event types it wants, and fupin POSTs each
 * such event there, signed (Standard Webhooks). Integrators manage their own; a county admin any in the county.
 */
@Path("/api/v1/webhooks/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks", description = "Signed deliveries of the events to the systems that subscribe, the delivery log, "
        + "redelivery and replay")
public class SubscriptionResource {

    private final Subscriptions subscriptions;
    private final Caller caller;

    public SubscriptionResource(Subscriptions subscriptions, Caller caller) {
        this.subscriptions = subscriptions;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.INTEGRATOR })
    @Operation(summary = "Subscribe a URL to events",
            description = "Deliveries start with the events that occur after this moment. Each is a POST of the CloudEvent "
                    + "(application/cloudevents+json) with the Standard Webhooks headers webhook-id (the event id, the same on "
                    + "every attempt), webhook-timestamp and webhook-signature (v1, HMAC-SHA256 of id.timestamp.body). One "
                    + "household's events arrive one at a time, in order. A 2xx answer within 10 s delivers; anything else is "
                    + "retried with growing waits for about a day, then the subscription is suspended with the reason. The "
                    + "answer carries the signing secret, shown this once.")
    @APIResponseSchema(value = CreatedSubscription.class, responseCode = "201", responseDescription = "Subscribed")
    public Response create(@Valid @NotNull SubscriptionRequest body) {
        Subscription created = subscriptions.create(body.toDomain(), requester());
        return Response.created(URI.create("/api/v1/webhooks/subscriptions/" + created.id()))
                .entity(CreatedSubscription.of(created)).build();
    }

    @GET
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.INTEGRATOR, Roles.AUDITOR })
    @Operation(summary = "List subscriptions",
            description = "An integrator's own; for a county admin or auditor every one within their region. In order of creation.")
    public Page<SubscriptionView> list(@BeanParam PageParams page) {
        return subscriptions.page(requester(), page.request()).map(SubscriptionView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.INTEGRATOR, Roles.AUDITOR })
    @Operation(summary = "Read a subscription", description = "With its status and, when suspended, why.")
    public SubscriptionView get(@PathParam("id") UUID id) {
        return SubscriptionView.of(subscriptions.get(id, requester()));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.INTEGRATOR })
    @Operation(summary = "Unsubscribe", description = "No further deliveries; what waited is dropped.")
    @APIResponse(responseCode = "204", description = "Unsubscribed")
    public Response delete(@PathParam("id") UUID id) {
        subscriptions.delete(id, requester());
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/reactivate")
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.INTEGRATOR })
    @Operation(summary = "Resume a suspended subscription",
            description = "Checks the URL again (422 target-refused when it may not be a target), then sends what waited, in "
                    + "order, with a fresh day of retries. An active subscription answers as it is.")
    public SubscriptionView reactivate(@PathParam("id") UUID id) {
        return SubscriptionView.of(subscriptions.reactivate(id, requester()));
    }

    private Subscriptions.Requester requester() {
        return Subscriptions.Requester.of(caller);
    }
}
