package org.fupin.events.household;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** {@code household.registered}: a poor or monitored household was registered (建檔立卡). */
public record HouseholdRegistered(
        UUID householdId,
        String householdNo,
        String villageCode,
        String category,
        List<String> causes,
        String primaryCause,
        int identifiedYear,
        BigDecimal annualIncomePerCapita,
        String status,
        String riskType,
        LocalDate registeredOn,
        List<MemberFacts> members) {

    public HouseholdRegistered {
        causes = causes == null ? null : List.copyOf(causes);
        members = members == null ? null : List.copyOf(members);
    }
}
