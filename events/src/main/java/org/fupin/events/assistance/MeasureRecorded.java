package org.fupin.events.assistance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** {@code measure.recorded}: an assistance measure (幫扶措施) for a household or a village entered the ledger. */
public record MeasureRecorded(
        UUID measureId,
        String type,
        UUID householdId,
        String villageCode,
        Provider provider,
        BigDecimal amount,
        LocalDate startedOn,
        String status) {
}
