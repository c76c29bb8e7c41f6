package org.fupin.household.monitoring.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.household.cases.service.Actor;
import org.fupin.household.monitoring.domain.SignalKind;
import org.fupin.household.monitoring.domain.VerificationOutcome;
import org.fupin.household.monitoring.domain.WarningCondition;
import org.fupin.household.registry.domain.RiskType;
import org.fupin.platform.security.Caller;

/** The bodies of the monitoring's steps. */
public final class MonitoringRequests {

    private MonitoringRequests() {
    }

    /** The township on a confirmed risk: approve it, or send it back for another visit. */
    public enum AlertVerdict { APPROVE, SEND_BACK }

    /** The township on a clearance. */
    public enum ClearanceVerdict { APPROVE, REJECT }

    /** Who does a step, as the four-eyes rules compare and the history shows. */
    static Actor actor(Caller caller) {
        return new Actor(caller.subject(), caller.actor(), caller.roles());
    }

    @Schema(name = "AlertVerification")
    public record Verification(
            @NotNull @Schema(description = "The day of the visit (入戶核實): on or after the alert opened, not after today.") LocalDate verifiedOn,
            @NotNull @Schema(description = "RISK_CONFIRMED goes to the township for approval; DISMISSED closes the alert.")
            VerificationOutcome outcome,
            @Schema(description = "Required for RISK_CONFIRMED: UNSTABLE_EXIT (脫貧不穩定戶), MARGINAL (邊緣易致貧戶) or SUDDEN_HARDSHIP "
                    + "(突發嚴重困難戶).", nullable = true) RiskType riskType,
            @NotBlank @Size(max = 2000) @Schema(description = "What the visit found; for a dismissal, the reason.") String findings) {
    }

    @Schema(name = "AlertDecision")
    public record AlertDecision(
            @NotNull @Schema(description = "APPROVE puts the household under monitoring; SEND_BACK asks for another visit.")
            AlertVerdict decision,
            @NotNull @Schema(description = "The day of the decision: the household is monitored from it.") LocalDate decidedOn,
            @Size(max = 500) @Schema(description = "Required for SEND_BACK.") String reason) {
    }

    @Schema(name = "RiskClearanceProposal")
    public record ClearanceProposal(
            @NotNull UUID householdId,
            @NotNull @Schema(description = "The day of the helper's proposal; not after today.") LocalDate proposedOn,
            @NotBlank @Size(max = 500) String reason) {
    }

    @Schema(name = "RiskClearanceDecision")
    public record ClearanceDecision(
            @NotNull @Schema(description = "APPROVE or REJECT.") ClearanceVerdict decision,
            @NotNull @Schema(description = "The day of the decision: APPROVE ends the monitoring from it.") LocalDate decidedOn,
            @Size(max = 500) @Schema(description = "Required for REJECT.") String reason) {
    }

    @Schema(name = "WarningRuleVersion")
    public record RuleVersion(
            @NotNull @Pattern(regexp = "^[a-z][a-z0-9-]{1,39}$") @Schema(description = "The rule's code: a new version of an existing "
                    + "rule, or a new rule.") String code,
            @NotBlank @Size(max = 200) String name,
            @NotNull WarningCondition condition,
            @DecimalMin("0") @DecimalMax("99999999.99") @Schema(description = "Yuan: MEDICAL_COST and DISASTER_LOSS.", nullable = true)
            BigDecimal threshold,
            @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") @Schema(description = "MEDICAL_COST: share of annual income.",
                    nullable = true) BigDecimal incomeShare,
            @DecimalMin(value = "0", inclusive = false) @DecimalMax("10") @Schema(description = "INCOME_BELOW_LINE: multiple of the "
                    + "poverty line.", nullable = true) BigDecimal lineFactor,
            @Schema(description = "SIGNAL_KIND: the kind that fires.", nullable = true) SignalKind signalKind,
            @NotNull @Schema(description = "false retires the rule for the county from effectiveFrom.") Boolean active,
            @NotNull @Schema(description = "From today on; after the county's latest version of the rule.") LocalDate effectiveFrom) {
    }
}
