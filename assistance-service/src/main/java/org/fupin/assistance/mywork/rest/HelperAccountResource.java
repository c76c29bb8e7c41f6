package org.fupin.assistance.mywork.rest;

import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fupin.assistance.mywork.service.HelperAccounts;
import org.fupin.platform.security.Caller;
import org.fupin.security.Roles;
import org.fupin.security.TokenRules;

/** The user account a helper signs in to the app with. */
@Path("/api/v1/helpers/{id}/account")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "My work")
public class HelperAccountResource {

    @Schema(name = "HelperAccountRequest")
    public record AccountRequest(
            @NotBlank @Size(max = TokenRules.MAX_SUBJECT)
            @Schema(description = "The subject (sub) of the tokens the helper signs in with.") String subject) {
    }

    @Schema(name = "HelperAccount")
    public record AccountView(UUID helperId, String subject, Instant linkedAt, String linkedBy) {

        static AccountView of(HelperAccounts.Account account) {
            return new AccountView(account.helperId(), account.subject(), account.linkedAt(), account.linkedBy());
        }
    }

    private final HelperAccounts accounts;
    private final Caller caller;

    public HelperAccountResource(HelperAccounts accounts, Caller caller) {
        this.accounts = accounts;
        this.caller = caller;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.ASSISTANCE_OFFICER })
    @Operation(summary = "Link a helper to the account they sign in with",
            description = "A helper of the caller's region. Replaces the helper's earlier account; an account linked to another "
                    + "helper answers 409 account-linked-elsewhere. The helper then sees their work at GET /api/v1/my-work.")
    public AccountView link(@PathParam("id") UUID id, @Valid @NotNull AccountRequest body) {
        return AccountView.of(accounts.link(id, body.subject().strip(), caller.scope(), caller.actor()));
    }

    @GET
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.ASSISTANCE_OFFICER, Roles.AUDITOR })
    @Operation(summary = "Read a helper's account", description = "404 when the helper has none.")
    public AccountView get(@PathParam("id") UUID id) {
        return AccountView.of(accounts.get(id, caller.scope()));
    }

    @DELETE
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.ASSISTANCE_OFFICER })
    @Operation(summary = "Unlink a helper from their account", description = "404 when the helper has none.")
    public void unlink(@PathParam("id") UUID id) {
        accounts.unlink(id, caller.scope(), caller.actor());
    }
}
