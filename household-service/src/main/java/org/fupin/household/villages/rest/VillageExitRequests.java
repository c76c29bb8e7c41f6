package org.fupin.household.villages.rest;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of the village exit operations. */
public final class VillageExitRequests {

    private VillageExitRequests() {
    }

    @Schema(name = "VillageExitProposal")
    public record Proposal(
            @NotBlank @Pattern(regexp = "\\d{12}") @Schema(description = "12-digit code of a poor village (貧困村) in the caller's township.") String villageCode,
            @NotNull @Schema(description = "The day of the township's proposal; not after today.") LocalDate proposedOn,
            @NotBlank @Size(max = 500) String reason) {
    }

    public enum Verdict { APPROVE, REJECT }

    @Schema(name = "VillageExitDecision")
    public record Decision(
            @NotNull Verdict decision,
            @NotNull @Schema(description = "The announcement's (公告) date: APPROVE makes the village exited from that day.")
            LocalDate decidedOn,
            @Size(max = 500) @Schema(description = "Required for REJECT.") String reason) {
    }
}
