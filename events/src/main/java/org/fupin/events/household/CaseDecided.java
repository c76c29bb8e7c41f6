package org.fupin.events.household;

import java.time.LocalDate;
import java.util.UUID;

/** {@code case.decided}: a case ended: approved by the county (the household's status changes on effectiveDate), rejected, stopped on the way, or withdrawn. */
public record CaseDecided(
        UUID caseId,
        UUID householdId,
        String villageCode,
        String kind,
        String outcome,
        String stage,
        LocalDate decidedOn,
        LocalDate effectiveDate) {
}
