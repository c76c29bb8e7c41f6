package org.fupin.events.assistance;

import java.time.LocalDate;
import java.util.UUID;

/** {@code measure.confirmed}: the household confirmed it received an assistance measure. */
public record MeasureConfirmed(UUID measureId, UUID householdId, String villageCode, LocalDate confirmedOn) {
}
