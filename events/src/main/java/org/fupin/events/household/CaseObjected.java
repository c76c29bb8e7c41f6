package org.fupin.events.household;

import java.time.LocalDate;
import java.util.UUID;

/** {@code case.objected}: an objection (異議) was filed during a case's public notice; the case waits for the township's finding. */
public record CaseObjected(
        UUID caseId,
        UUID householdId,
        String villageCode,
        String kind,
        String stage,
        UUID objectionId,
        LocalDate filedOn,
        LocalDate dueOn) {
}
