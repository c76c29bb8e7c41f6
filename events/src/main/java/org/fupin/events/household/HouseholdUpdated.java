package org.fupin.events.household;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code household.updated}: a household's facts changed; carries the household's non-personal facts after the
 * change and the names of the fields that changed (which may name personal fields whose values are not carried).
 */
public record HouseholdUpdated(
        UUID householdId,
        String villageCode,
        String category,
        List<String> causes,
        String primaryCause,
        int identifiedYear,
        BigDecimal annualIncomePerCapita,
        List<String> changedFields,
        LocalDate effectiveDate) {

    public HouseholdUpdated {
        causes = causes == null ? null : List.copyOf(causes);
        changedFields = changedFields == null ? null : List.copyOf(changedFields);
    }
}
