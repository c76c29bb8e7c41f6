package org.fupin.household.villages.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.household.villages.domain.VillageExitStatus;
import org.fupin.household.villages.persistence.VillageExitEntity;

/** A village's exit (貧困村出列) as the API shows it. */
@Schema(name = "VillageExit")
public record VillageExitView(
        UUID id,
        String villageCode,
        VillageExitStatus status,
        LocalDate proposedOn,
        @Schema(description = "The proposer's token subject; whoever proposed may not decide.") String proposer,
        String proposedBy,
        String reason,
        @Schema(description = "Members of the village's POOR, RETURNED and EXIT_PENDING households when the proposal was recorded.")
        long poorPeople,
        int ruralPopulation,
        @Schema(description = "poorPeople / ruralPopulation, a fraction (0.0123 = 1.23%).") BigDecimal incidence,
        @Schema(description = "The threshold it was under (fupin.villages.exit-incidence).") BigDecimal threshold,
        @Schema(description = "APPROVED: the announcement's (公告) date, from which the village counts as exited; "
                + "null until decided.", nullable = true) LocalDate decidedOn,
        @Schema(description = "Who decided; null until decided.", nullable = true) String decidedBy,
        @Schema(description = "Why, as the county gave it; null until decided.", nullable = true) String decisionReason) {

    static VillageExitView of(VillageExitEntity e) {
        return new VillageExitView(e.id, e.villageCode, e.status, e.proposedOn, e.proposer, e.proposedBy, e.reason, e.poorPeople,
                e.ruralPopulation, e.incidence, e.threshold, e.decidedOn, e.decidedBy, e.decisionReason);
    }
}
