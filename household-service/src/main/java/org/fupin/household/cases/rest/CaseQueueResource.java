package org.fupin.household.cases.rest;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fupin.household.cases.domain.Stage;
import org.fupin.household.cases.service.CaseQueries;
import org.fupin.household.config.RegistryConfig;
import org.fupin.platform.security.Caller;
import org.fupin.security.Roles;

/** The work queue (待辦): the cases waiting on the caller. */
@Path("/api/v1/case-queue")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases")
public class CaseQueueResource {

    /** The cases of one stage waiting on the caller. */
    @Schema(name = "CaseQueueStage")
    public record QueueStageView(Stage stage, String stageLabel,
            @Schema(description = "true: cases stopped by an objection, waiting for the township's finding.") boolean objections,
            long count, long overdue,
            @Schema(description = "The oldest 50; GET /api/v1/cases?waitingFor= pages through all.") List<CaseView> oldest) {
    }

    private final CaseQueries queries;
    private final Caller caller;
    private final RegistryConfig registry;

    public CaseQueueResource(CaseQueries queries, Caller caller, RegistryConfig registry) {
        this.queries = queries;
        this.caller = caller;
        this.registry = registry;
    }

    @GET
    @RolesAllowed({ Roles.COUNTY_ADMIN, Roles.TOWNSHIP_OFFICER, Roles.VILLAGE_CADRE, Roles.ASSISTANCE_OFFICER })
    @Operation(summary = "The caller's work queue (待辦)",
            description = "Per stage the caller's roles do (village cadre: verification, acknowledgement, appraisal; work team: "
                    + "verification; township: review and objections; county: approval), the cases of the caller's region "
                    + "waiting there, oldest first, without those the caller proposed where four eyes keep them out.")
    public List<QueueStageView> queue() {
        LocalDate today = LocalDate.now(registry.zone());
        return queries.queue(caller.roles(), caller.subject(), caller.scope()).stream()
                .map(stage -> new QueueStageView(stage.stage(), stage.stage().label(), stage.stage().isNotice(), stage.count(),
                        stage.overdue(), stage.oldest().stream().map(c -> CaseView.of(c, today)).toList()))
                .toList();
    }
}
