package org.fupin.household.registry.rest;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.household.registry.domain.Action;
import org.fupin.household.registry.domain.RiskType;
import org.fupin.household.registry.domain.TransitionCommand;

/** The body of {@code POST /households/{id}/transitions}. */
@Schema(name = "TransitionRequest")
public record TransitionRequest(
        @NotNull @Schema(description = "FLAG_RISK or CLEAR_RISK. The decisions (PROPOSE_EXIT, CONFIRM_EXIT, OBJECT, "
                + "RETURN_TO_POVERTY, REMOVE) are taken through cases and answer 422 decided-by-case.") Action action,
        @NotNull @Schema(description = "The date the new status takes effect; not in the future, not before the current status took effect.")
        LocalDate effectiveDate,
        @Size(max = 500) @Schema(description = "Why, optional. Write no names: the reason travels in events.") String reason,
        @Schema(description = "FLAG_RISK only.") RiskType riskType) {

    TransitionCommand toCommand() {
        return new TransitionCommand(action, effectiveDate, reason == null ? null : reason.strip(), riskType);
    }
}
