package org.fupin.household.monitoring.domain;

import java.time.LocalDate;

import org.fupin.household.cases.domain.StepDates;
import org.fupin.household.registry.domain.RiskType;
import org.fupin.kernel.Refusal;

/**
 * The steps of a monitoring alert: the helper's verification, then, for a confirmed risk, the township's decision
 * by someone else (four eyes, as for cases), each dated in order and not in the future.
 */
public final class AlertRules {

    private AlertRules() {
    }

    /**
     * The verification visit: on an open alert, on or after it opened (or was sent back: {@code notBefore}); a
     * confirmed risk names its type.
     */
    public static AlertStatus verify(AlertStatus current, VerificationOutcome outcome, RiskType riskType, LocalDate notBefore,
            LocalDate verifiedOn, LocalDate today) {
        if (current != AlertStatus.OPEN) {
            throw Refusal.conflict("alert-not-open", "The alert is " + current + "; only an open alert is verified.");
        }
        if (outcome == VerificationOutcome.RISK_CONFIRMED && riskType == null) {
            throw Refusal.invalid("riskType", "required", "A confirmed risk needs its type: UNSTABLE_EXIT, MARGINAL or SUDDEN_HARDSHIP.");
        }
        if (outcome == VerificationOutcome.DISMISSED && riskType != null) {
            throw Refusal.invalid("riskType", "not-applicable", "A dismissed alert has no risk type.");
        }
        StepDates.require("verifiedOn", verifiedOn, notBefore, today);
        return outcome == VerificationOutcome.RISK_CONFIRMED ? AlertStatus.RISK_CONFIRMED : AlertStatus.DISMISSED;
    }

    /**
     * The township's decision on a confirmed risk: approved, the alert is CONFIRMED and the household monitored;
     * sent back (with a reason), the alert is OPEN again for another visit.
     */
    public static AlertStatus decide(AlertStatus current, String verifier, String decider, boolean approves, String reason,
            LocalDate verifiedOn, LocalDate decidedOn, LocalDate today) {
        if (current != AlertStatus.RISK_CONFIRMED) {
            throw Refusal.conflict("alert-not-verified", "The alert is " + current
                    + "; the township decides only on a risk the verification confirmed.");
        }
        if (verifier.equals(decider)) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "same-person", "Whoever verified the risk may not also approve it.");
        }
        StepDates.require("decidedOn", decidedOn, verifiedOn, today);
        if (!approves && (reason == null || reason.isBlank())) {
            throw Refusal.invalid("reason", "required", "Sending a verification back needs a reason.");
        }
        return approves ? AlertStatus.CONFIRMED : AlertStatus.OPEN;
    }
}
