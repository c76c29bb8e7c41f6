package org.fupin.household.registry.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fupin.household.registry.domain.MemberRemovalReason;
import org.fupin.household.registry.persistence.MemberEntity;
import org.fupin.household.registry.service.HouseholdMembers;
import org.fupin.platform.idempotency.IdempotentRequests;
import org.fupin.platform.security.Caller;
import org.fupin.security.Roles;
import org.fupin.platform.web.ETags;
import org.fupin.platform.web.MergePatch;
import org.fupin.problem.FieldError;
import org.fupin.problem.ProblemException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Members of a household: births, marriages in and out, deaths, corrections. */
@Path("/api/v1/households/{id}/members")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Households")
@RolesAllowed({ Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE })
public class MemberResource {

    /** The member of a patch that confirms a possible duplicate: an instruction, taken out before the facts are patched. */
    static final String DUPLICATE_CONFIRMATION = "duplicateConfirmation";

    private final HouseholdMembers members;
    private final IdempotentRequests idempotency;
    private final ObjectMapper json;
    private final Caller caller;

    public MemberResource(HouseholdMembers members, IdempotentRequests idempotency, ObjectMapper json, Caller caller) {
        this.members = members;
        this.idempotency = idempotency;
        this.json = json;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a member", description = "A household has one head: a new member cannot be HEAD; "
            + "designate a new head by patching a member's relation.")
    @APIResponseSchema(value = MemberView.class, responseCode = "201", responseDescription = "The member, added")
    public Response add(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Valid @NotNull MemberRequest body) {
        return idempotency.execute(idempotencyKey, caller.subject(), "POST /api/v1/households/" + id + "/members", body, () -> {
            MemberEntity member = members.add(id, body.toDomain(), ETags.expectedIfGiven(ifMatch), caller.scope(), caller.actor(),
                    body.duplicateConfirmation(), caller.fieldAccess());
            return Response.created(URI.create("/api/v1/households/" + id + "/members/" + member.id))
                    .tag(String.valueOf(member.household.version))
                    .entity(HouseholdMapper.view(member, caller.fieldAccess()))
                    .build();
        });
    }

    @PATCH
    @Path("/{memberId}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(summary = "Change a member (JSON merge patch)", description = "Needs If-Match with the household's ETag. "
            + "Making a member HEAD turns the previous head into OTHER.")
    @APIResponseSchema(value = MemberView.class, responseCode = "200", responseDescription = "The member after the change")
    public Response patch(@PathParam("id") UUID id, @PathParam("memberId") UUID memberId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(implementation = MemberPatch.class)))
            @NotNull JsonNode body) {
        String confirmation = MergePatch.takeText(body, DUPLICATE_CONFIRMATION);
        MemberEntity member = members.patch(id, memberId, MergePatch.of(body, HouseholdMembers.PATCHABLE, json), ETags.expected(ifMatch),
                caller.scope(), caller.actor(), confirmation, caller.fieldAccess());
        return Response.ok(HouseholdMapper.view(member, caller.fieldAccess()))
                .tag(String.valueOf(member.household.version))
                .build();
    }

    @DELETE
    @Path("/{memberId}")
    @Operation(summary = "Remove a member", description = "The head cannot be removed while others remain; "
            + "the last member neither (remove the household instead).")
    @APIResponse(responseCode = "204", description = "The member was removed")
    public Response remove(@PathParam("id") UUID id, @PathParam("memberId") UUID memberId,
            @Parameter(description = "DECEASED, MARRIED_OUT, MOVED_OUT or OTHER", required = true,
                    schema = @Schema(enumeration = { "DECEASED", "MARRIED_OUT", "MOVED_OUT", "OTHER" })) @QueryParam("reason") String reason,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        members.remove(id, memberId, reasonOf(reason), ETags.expectedIfGiven(ifMatch), caller.scope(), caller.actor());
        return Response.noContent().build();
    }

    /** A reason a caller may give; DUPLICATE is not one: a record retired as a duplicate names the record that stays. */
    private static MemberRemovalReason reasonOf(String reason) {
        return java.util.Arrays.stream(MemberRemovalReason.values())
                .filter(value -> value != MemberRemovalReason.DUPLICATE && value.name().equals(reason)).findFirst()
                .orElseThrow(() -> ProblemException.invalid(java.util.List.of(new FieldError("reason", "invalid-member-removal-reason",
                        "reason is one of DECEASED, MARRIED_OUT, MOVED_OUT, OTHER (a duplicate is retired by merging it in the "
                                + "duplicate review queue)."))));
    }
}
