package org.fupin.household.cases.rest;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fupin.household.cases.persistence.CaseEntity;
import org.fupin.household.cases.persistence.ObjectionEntity;
import org.fupin.household.cases.service.CaseObjections;
import org.fupin.household.config.RegistryConfig;
import org.fupin.platform.idempotency.IdempotentRequests;
import org.fupin.platform.security.Caller;
import org.fupin.security.Roles;

/** Objections (異議) during a public notice, and the township's findings on them. */
@Path("/api/v1/cases/{id}/objections")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Cases")
public class CaseObjectionResource {

    private final CaseObjections objections;
    private final IdempotentRequests idempotency;
    private final Caller caller;
    private final RegistryConfig registry;

    public CaseObjectionResource(CaseObjections objections, IdempotentRequests idempotency, Caller caller, RegistryConfig registry) {
        this.objections = objections;
        this.idempotency = idempotency;
        this.caller = caller;
        this.registry = registry;
    }

    @POST
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE, Roles.ASSISTANCE_OFFICER, Roles.ANALYST,
            Roles.INTEGRATOR, Roles.AUDITOR })
    @Operation(summary = "File an objection (異議)",
            description = "Anyone with a token of the case's region, or an integrator relaying the county's hotline, while a public "
                    + "notice runs: filedOn (default today) is a day of the notice, up to the day before it ends (else 409 "
                    + "no-notice-running). The case stops until the township's "
                    + "finding. The text stays in the register and never travels in events. Publishes case.objected. Accepts "
                    + "Idempotency-Key.")
    @APIResponseSchema(value = ObjectionView.class, responseCode = "201", responseDescription = "The objection, pending")
    public Response file(@PathParam("id") UUID id, @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Valid @NotNull CaseRequests.Objection body) {
        return idempotency.execute(idempotencyKey, caller.subject(), "POST /api/v1/cases/" + id + "/objections", body, () -> {
            ObjectionEntity objection = objections.file(id, body.text().strip(), body.filedOn(), caller.scope(), CaseActors.of(caller));
            return Response.created(URI.create("/api/v1/cases/" + id + "/objections/" + objection.id))
                    .entity(ObjectionView.of(objection, true)).build();
        });
    }

    @POST
    @Path("/{objectionId}/finding")
    @RolesAllowed(Roles.TOWNSHIP_OFFICER)
    @Operation(summary = "Record the township's finding on an objection",
            description = "UPHELD stops the case. DISMISSED, once no other objection is pending, lets the case go on: the notice "
                    + "keeps its dates (it stayed on the board), so if it ended meanwhile the township may review at once; "
                    + "restarting it would let a run of groundless objections hold a case back for ever. Not by the case's "
                    + "proposer (403 same-person). Publishes case.objection-resolved.")
    @APIResponseSchema(value = CaseView.class, responseCode = "200", responseDescription = "The case after the finding")
    public Response resolve(@PathParam("id") UUID id, @PathParam("objectionId") UUID objectionId,
            @Valid @NotNull CaseRequests.ObjectionFinding body) {
        CaseEntity c = objections.resolve(id, objectionId, body.finding(), body.reason().strip(), body.resolvedOn(), caller.scope(),
                CaseActors.of(caller));
        return Response.ok(CaseView.of(c, LocalDate.now(registry.zone()))).tag(String.valueOf(c.version)).build();
    }
}
