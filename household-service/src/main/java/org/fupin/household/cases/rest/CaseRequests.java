package org.fupin.household.cases.rest;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.household.cases.domain.CaseKind;
import org.fupin.household.cases.domain.Finding;
import org.fupin.household.cases.service.CaseSteps;

/** The bodies of the case operations. */
public final class CaseRequests {

    private CaseRequests() {
    }

    @Schema(name = "CaseProposal")
    public record Proposal(
            @NotNull UUID householdId,
            @NotNull @Schema(description = "IDENTIFY (識別), EXIT (脫貧), RETURN (返貧) or REMOVE (清退)") CaseKind kind,
            @NotNull @Schema(description = "The day of the proposal (申請); not in the future.") LocalDate proposedOn,
            @NotBlank @Size(max = 500) @Schema(description = "Why the case is proposed.") String reason) {
    }

    @Schema(name = "CaseVerification")
    public record Verification(
            @NotNull @Schema(description = "The day of the visit (入戶核實).") LocalDate visitedOn,
            @NotBlank @Size(max = 2000) @Schema(description = "What the visit found.") String findings,
            @NotNull @Schema(description = "Whether the case holds; false stops it.") Boolean agrees) {

        public CaseSteps.Verification toStep() {
            return new CaseSteps.Verification(visitedOn, findings.strip(), agrees);
        }
    }

    @Schema(name = "CaseAcknowledgement")
    public record Acknowledgement(
            @NotNull @Schema(description = "The day the household signed (貧困戶認可).") LocalDate signedOn,
            @NotNull @Schema(description = "Whether the household agrees to exit; false stops the case.") Boolean agrees,
            @Size(max = 500) @Schema(description = "Required when the household does not agree.") String reason) {

        public CaseSteps.Acknowledgement toStep() {
            return new CaseSteps.Acknowledgement(signedOn, agrees, reason == null ? null : reason.strip());
        }
    }

    @Schema(name = "CaseAppraisal")
    public record Appraisal(
            @NotNull @Schema(description = "The day of the village meeting (民主評議).") LocalDate meetingOn,
            @NotNull @Min(1) @Max(10_000) Integer attendees,
            @NotNull @Min(0) @Max(10_000) @Schema(description = "More than half of those present must be for.") Integer votesFor,
            @NotNull @Min(0) @Max(10_000) Integer votesAgainst,
            @NotNull @Min(0) @Max(10_000) Integer abstentions,
            @Schema(description = "The day the village notice (村公示) went on the board: not before the meeting, not after today; "
                    + "default today.") LocalDate noticeStartsOn) {

        public CaseSteps.Appraisal toStep() {
            return new CaseSteps.Appraisal(meetingOn, attendees, votesFor, votesAgainst, abstentions, noticeStartsOn);
        }
    }

    @Schema(name = "CaseTownshipReview")
    public record TownshipReview(
            @NotNull @Schema(description = "APPROVE, or SEND_BACK to verification (with a reason)") ReviewDecision decision,
            @NotNull @Schema(description = "The day of the review (鄉鎮審核).") LocalDate reviewedOn,
            @Size(max = 500) String reason) {
    }

    @Schema(name = "CaseCountyDecision")
    public record CountyDecision(
            @NotNull @Schema(description = "APPROVE, or REJECT (with a reason)") CountyVerdict decision,
            @NotNull @Schema(description = "The announcement's (公告) date: the effective date of the household's new status.")
            LocalDate announcedOn,
            @Size(max = 500) String reason) {
    }

    @Schema(name = "CaseObjection")
    public record Objection(
            @NotBlank @Size(max = 2000) @Schema(description = "The objection as filed (異議). It stays in the register, never in events.")
            String text,
            @Schema(description = "The day it was received, e.g. by the county's hotline; a day the notice ran, not after today; "
                    + "default today.") LocalDate filedOn) {
    }

    @Schema(name = "CaseObjectionFinding")
    public record ObjectionFinding(
            @NotNull @Schema(description = "UPHELD stops the case; DISMISSED lets it go on, the notice keeping its dates.") Finding finding,
            @NotBlank @Size(max = 500) String reason,
            @Schema(description = "The day the township found (a finding made on paper may be entered later): not before the "
                    + "objection's filedOn, not after today; default today.") LocalDate resolvedOn) {
    }

    @Schema(name = "CaseWithdrawal")
    public record Withdrawal(@NotBlank @Size(max = 500) String reason) {
    }

    public enum ReviewDecision { APPROVE, SEND_BACK }

    public enum CountyVerdict { APPROVE, REJECT }
}
