package org.fupin.household.monitoring.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the rules look at: the signal, and the household it matched as it stands.
 *
 * @param annualIncomePerCapita the latest assessment's income per person (or the registration's), null if unknown
 * @param members the household's current members
 * @param subjectIsOnlyLabourer the person the signal names is the only member able to work
 * @param failingGuarantees an assessment signal's failing dimensions
 */
public record SignalFacts(SignalKind kind, LocalDate occurredOn, BigDecimal amount, BigDecimal annualIncomePerCapita,
        int members, boolean subjectIsOnlyLabourer, List<String> failingGuarantees) {

    public SignalFacts {
        failingGuarantees = failingGuarantees == null ? List.of() : List.copyOf(failingGuarantees);
    }
}
