package org.fupin.household.monitoring.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fupin.household.config.RegistryConfig;
import org.fupin.household.monitoring.domain.SignalKind;
import org.fupin.household.monitoring.domain.WarningCondition;
import org.fupin.household.monitoring.domain.WarningRule;
import org.fupin.household.monitoring.service.WarningRuleBook;
import org.fupin.kernel.Refusal;
import org.fupin.platform.listing.QueryParams;
import org.fupin.platform.security.Caller;
import org.fupin.security.Roles;

/** The warning rules (預警規則): those in force for the caller's county, every version, and a county's new version. */
@Path("/api/v1/warning-rules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Monitoring")
public class WarningRuleResource {

    @Schema(name = "WarningRule")
    public record View(UUID id, String code, int version,
            @Schema(description = "The county whose version it is; null for a default version.", nullable = true) String countyCode,
            String name, WarningCondition condition, @Schema(nullable = true) BigDecimal threshold,
            @Schema(nullable = true) BigDecimal incomeShare, @Schema(nullable = true) BigDecimal lineFactor,
            @Schema(nullable = true) SignalKind signalKind, boolean active, LocalDate effectiveFrom) {

        static View of(WarningRule r) {
            return new View(r.id(), r.code(), r.version(), r.countyCode(), r.name(), r.condition(), r.threshold(), r.incomeShare(),
                    r.lineFactor(), r.signalKind(), r.active(), r.effectiveFrom());
        }
    }

    private final WarningRuleBook rules;
    private final Caller caller;
    private final RegistryConfig registry;

    public WarningRuleResource(WarningRuleBook rules, Caller caller, RegistryConfig registry) {
        this.rules = rules;
        this.caller = caller;
        this.registry = registry;
    }

    @GET
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE, Roles.ASSISTANCE_OFFICER, Roles.ANALYST,
            Roles.INTEGRATOR, Roles.AUDITOR })
    @Operation(summary = "The warning rules in force",
            description = "For the caller's county on a day (default today): per rule, the county's own newest version effective "
                    + "by then, else the default's. Retired rules are left out.")
    public List<View> inForce(@QueryParam("on") @Parameter(description = "ISO date; default today.", schema = @Schema(format = "date")) String on) {
        // Absent or blank both mean today, as for every other date parameter (QueryParams.date gives null for either).
        LocalDate day = QueryParams.date("on", on);
        if (day == null) {
            day = today();
        }
        return rules.inForce(county(), day).stream().map(View::of).toList();
    }

    @GET
    @Path("/versions")
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.ANALYST, Roles.AUDITOR })
    @Operation(summary = "Every version of the warning rules",
            description = "The defaults and the caller's county's own, per rule oldest first: what a warning's rule version meant.")
    public List<View> versions() {
        return rules.versions(county()).stream().map(View::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COUNTY_ADMIN)
    @Operation(summary = "Add a version of a warning rule for the county",
            description = "A new version of a rule (or a new rule) for the caller's county, in force from effectiveFrom, today or "
                    + "later (422 effective-date-in-past) and after the county's latest version of the rule (409 "
                    + "rule-version-out-of-order). The figures its condition compares are required and the others refused (400 "
                    + "required, not-applicable). Earlier versions stay: warnings keep the version that fired.")
    @APIResponseSchema(value = View.class, responseCode = "201", responseDescription = "The version")
    public Response add(@Valid @NotNull MonitoringRequests.RuleVersion body) {
        WarningRule added = rules.add(county(), new WarningRuleBook.NewVersion(body.code(), body.name().strip(), body.condition(),
                body.threshold(), body.incomeShare(), body.lineFactor(), body.signalKind(), body.active(), body.effectiveFrom()),
                caller.actor());
        return Response.status(Response.Status.CREATED).entity(View.of(added)).build();
    }

    /** Rules are a county's: a township's or village's caller reads its county's. */
    private String county() {
        return caller.region().filter(r -> r.length() >= 6).map(r -> r.substring(0, 6))
                .orElseThrow(() -> new Refusal(Refusal.Kind.FORBIDDEN, "no-region", "The warning rules are a county's; the token names none."));
    }

    private LocalDate today() {
        return LocalDate.now(registry.zone());
    }
}
