package org.fupin.events.assistance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code measure.updated}: an assistance measure changed; carries the measure's facts after the change and the
 * names of the fields that changed.
 */
public record MeasureUpdated(
        UUID measureId,
        String type,
        UUID householdId,
        String villageCode,
        BigDecimal amount,
        String status,
        List<String> changedFields,
        LocalDate effectiveDate) {

    public MeasureUpdated {
        changedFields = changedFields == null ? null : List.copyOf(changedFields);
    }
}
