package org.fupin.events.household;

import java.time.LocalDate;
import java.util.UUID;

/** {@code case.objection-resolved}: the township recorded its finding on an objection: upheld stops the case, dismissed restarts the notice. */
public record CaseObjectionResolved(
        UUID caseId,
        UUID householdId,
        String villageCode,
        String kind,
        String stage,
        UUID objectionId,
        String finding,
        LocalDate resolvedOn,
        LocalDate noticeStartsOn,
        LocalDate noticeEndsOn,
        LocalDate dueOn) {
}
