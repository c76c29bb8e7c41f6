package org.fupin.events.household;

import java.time.LocalDate;
import java.util.UUID;

/** {@code case.stage-completed}: a stage of a case was done (or, for a notice, ran its course), with its result and the stage the case waits at next. */
public record CaseStageCompleted(
        UUID caseId,
        UUID householdId,
        String villageCode,
        String kind,
        String stage,
        String result,
        LocalDate startedOn,
        LocalDate completedOn,
        String nextStage,
        LocalDate noticeStartsOn,
        LocalDate noticeEndsOn,
        LocalDate dueOn) {
}
