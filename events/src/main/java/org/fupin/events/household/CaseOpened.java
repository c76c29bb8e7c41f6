package org.fupin.events.household;

import java.time.LocalDate;
import java.util.UUID;

/** {@code case.opened}: a case (identification, exit, return or removal) was proposed and waits for its first check. */
public record CaseOpened(
        UUID caseId,
        UUID householdId,
        String villageCode,
        String kind,
        LocalDate proposedOn,
        String stage,
        LocalDate dueOn) {
}
