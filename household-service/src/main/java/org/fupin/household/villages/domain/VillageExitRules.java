package org.fupin.household.villages.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.fupin.household.cases.domain.StepDates;
import org.fupin.kernel.Refusal;
import org.fupin.kernel.Violation;

/**
 * The rules of a poor village's exit (貧困村出列): only a poor village, only with its poverty incidence under
 * the threshold, one proposal at a time and one exit ever; the county decides, never the proposer.
 */
public final class VillageExitRules {

    /** What the proposal rests on: poor people over rural population, and the threshold it is under. */
    public record Incidence(long poorPeople, int ruralPopulation, BigDecimal incidence, BigDecimal threshold) {
    }

    private VillageExitRules() {
    }

    /**
     * May the village be proposed: a poor village (貧困村), no proposal waiting, not exited already, and its
     * incidence under the threshold (compared exactly: poorPeople < threshold × ruralPopulation).
     */
    public static Incidence requireProposable(boolean poorVillage, boolean proposalWaiting, boolean exited, long poorPeople,
            Integer ruralPopulation, BigDecimal threshold, LocalDate proposedOn, LocalDate today) {
        StepDates.require("proposedOn", proposedOn, null, today);
        if (!poorVillage) {
            throw Refusal.unprocessable("not-a-poor-village", "Only a poor village (貧困村) exits; this village is not one.");
        }
        if (exited) {
            throw Refusal.conflict("village-already-exited", "The county has already approved this village's exit.");
        }
        if (proposalWaiting) {
            throw Refusal.conflict("village-exit-open", "A proposal for this village waits for the county's decision.");
        }
        if (ruralPopulation == null || ruralPopulation <= 0) {
            throw Refusal.unprocessable("incidence-above-threshold",
                    "The village has no rural population recorded: its poverty incidence cannot be judged.");
        }
        BigDecimal incidence = BigDecimal.valueOf(poorPeople).divide(BigDecimal.valueOf(ruralPopulation), 6, RoundingMode.HALF_UP);
        if (BigDecimal.valueOf(poorPeople).compareTo(threshold.multiply(BigDecimal.valueOf(ruralPopulation))) >= 0) {
            throw Refusal.unprocessable("incidence-above-threshold", "The poverty incidence is " + poorPeople + " of " + ruralPopulation
                    + " (" + incidence + "), not under the threshold " + threshold + ".",
                    List.of(new Violation("incidence", "incidence-above-threshold", "Under " + threshold + ".",
                            Map.of("incidence", incidence, "threshold", threshold))));
        }
        return new Incidence(poorPeople, ruralPopulation, incidence, threshold);
    }

    /** The county's decision (縣審定公告): on a waiting proposal, by someone else than the proposer, dated in order. */
    public static VillageExitStatus decide(VillageExitStatus current, String proposer, String decider, boolean approves,
            String reason, LocalDate proposedOn, LocalDate decidedOn, LocalDate today) {
        if (current != VillageExitStatus.PROPOSED) {
            throw Refusal.conflict("village-exit-decided", "The county has decided on this proposal already (" + current + ").");
        }
        if (proposer.equals(decider)) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "same-person", "Whoever proposed the exit may not decide it.");
        }
        StepDates.require("decidedOn", decidedOn, proposedOn, today);
        if (!approves && (reason == null || reason.isBlank())) {
            throw Refusal.invalid("reason", "required", "A rejection needs a reason.");
        }
        return approves ? VillageExitStatus.APPROVED : VillageExitStatus.REJECTED;
    }
}
