package org.fupin.household.cases.domain;

import java.time.LocalDate;

/**
 * A case as the procedure sees it. {@code stage} is where it stands; a notice stage keeps its dates in
 * {@code noticeStartsOn}/{@code noticeEndsOn} (the notice runs from the first day up to, not including,
 * the last). {@code lastActedOn} is the date of the latest step: no later step may be dated before it.
 */
public record CaseState(CaseKind kind, CaseStatus status, Stage stage, LocalDate stageSince, LocalDate noticeStartsOn,
        LocalDate noticeEndsOn, String proposer, LocalDate lastActedOn) {

    /** The stage that waits for someone: a notice that is over and not objected to waits for the stage after it. */
    public Stage waitingAt(LocalDate today) {
        if (status == CaseStatus.OPEN && stage.isNotice() && !today.isBefore(noticeEndsOn)) {
            return kind.after(stage);
        }
        return stage;
    }

    CaseState at(Stage next, LocalDate since) {
        return new CaseState(kind, CaseStatus.OPEN, next, since, null, null, proposer, since);
    }

    CaseState noticeFrom(Stage notice, LocalDate startsOn, int days) {
        return new CaseState(kind, CaseStatus.OPEN, notice, startsOn, startsOn, startsOn.plusDays(days), proposer, startsOn);
    }

    CaseState closed(CaseStatus outcome, LocalDate on) {
        return new CaseState(kind, outcome, stage, stageSince, noticeStartsOn, noticeEndsOn, proposer, on);
    }

    CaseState objected(LocalDate on) {
        return new CaseState(kind, CaseStatus.OBJECTED, stage, stageSince, noticeStartsOn, noticeEndsOn, proposer, lastActedOn);
    }

    CaseState resumed() {
        return new CaseState(kind, CaseStatus.OPEN, stage, stageSince, noticeStartsOn, noticeEndsOn, proposer, lastActedOn);
    }
}
