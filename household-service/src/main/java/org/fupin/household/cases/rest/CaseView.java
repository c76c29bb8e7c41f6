package org.fupin.household.cases.rest;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.household.cases.domain.CaseKind;
import org.fupin.household.cases.domain.CaseStatus;
import org.fupin.household.cases.domain.Stage;
import org.fupin.household.cases.persistence.CaseEntity;

/** A case as the API shows it. */
@Schema(name = "Case")
public record CaseView(
        UUID id,
        UUID householdId,
        String villageCode,
        CaseKind kind,
        CaseStatus status,
        @Schema(description = "The stage the case is at; for a notice that is over, the stage after it waits (see waitingFor).")
        Stage stage,
        @Schema(nullable = true, description = "The stage waiting for someone today; null once the case is closed or while a notice runs. "
                + "A case stopped by an objection waits for the township's finding at its notice stage.")
        Stage waitingFor,
        @Schema(description = "Chinese label of the stage, e.g. 村公示.") String stageLabel,
        LocalDate stageSince,
        @Schema(nullable = true, description = "A notice stage: its first day.") LocalDate noticeStartsOn,
        @Schema(nullable = true, description = "A notice stage: the day it ends; objections are taken until the day before.") LocalDate noticeEndsOn,
        @Schema(nullable = true, description = "The day the step the case waits for is due (its time limit); null once closed.") LocalDate dueOn,
        boolean overdue,
        LocalDate proposedOn,
        @Schema(description = "The token subject of the proposer; whoever proposed may not verify, review or approve.") String proposer,
        String reason,
        @Schema(nullable = true, description = "The assessment an EXIT or IDENTIFY proposal rests on.") UUID assessmentId,
        @Schema(nullable = true, description = "The day the case ended; for APPROVED, the announcement's (公告) date and the effective date of the "
                + "household's new status.") LocalDate decidedOn) {

    public static CaseView of(CaseEntity c, LocalDate today) {
        Stage waiting = c.status.isClosed() ? null : c.state().waitingAt(today);
        boolean noticeRunning = waiting != null && waiting.isNotice() && c.status == CaseStatus.OPEN;
        return new CaseView(c.id, c.householdId, c.villageCode, c.kind, c.status, c.stage, noticeRunning ? null : waiting,
                c.stage.label(), c.stageSince, c.noticeStartsOn, c.noticeEndsOn, c.dueOn, c.dueOn != null && c.dueOn.isBefore(today),
                c.proposedOn, c.proposer, c.reason, c.assessmentId, c.decidedOn);
    }
}
