package org.fupin.household.monitoring.domain;

import java.time.LocalDate;

import org.fupin.household.cases.domain.StepDates;
import org.fupin.kernel.Refusal;

/** The township's decision on a risk clearance: on a waiting proposal, by someone else than the proposer, dated in order. */
public final class ClearanceRules {

    private ClearanceRules() {
    }

    public static ClearanceStatus decide(ClearanceStatus current, String proposer, String decider, boolean approves, String reason,
            LocalDate proposedOn, LocalDate decidedOn, LocalDate today) {
        if (current != ClearanceStatus.PROPOSED) {
            throw Refusal.conflict("clearance-decided", "The township has decided on this clearance already (" + current + ").");
        }
        if (proposer.equals(decider)) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "same-person", "Whoever proposed the clearance may not approve it.");
        }
        StepDates.require("decidedOn", decidedOn, proposedOn, today);
        if (!approves && (reason == null || reason.isBlank())) {
            throw Refusal.invalid("reason", "required", "A rejection needs a reason.");
        }
        return approves ? ClearanceStatus.APPROVED : ClearanceStatus.REJECTED;
    }
}
