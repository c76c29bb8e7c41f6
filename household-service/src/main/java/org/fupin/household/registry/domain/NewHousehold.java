package org.fupin.household.registry.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A household as stated at registration (建檔立卡), before validation; registeredOn is null for "today". */
public record NewHousehold(
        String villageCode,
        String address,
        String phone,
        HouseholdCategory category,
        List<PovertyCause> causes,
        PovertyCause primaryCause,
        int identifiedYear,
        BigDecimal annualIncomePerCapita,
        InitialStatus initialStatus,
        LocalDate registeredOn,
        List<NewMember> members) {

    public NewHousehold {
        causes = List.copyOf(causes);
        members = List.copyOf(members);
    }

    /** The household's own facts, without status and members. */
    public HouseholdFacts facts() {
        return new HouseholdFacts(villageCode, address, phone, category, causes, primaryCause, identifiedYear, annualIncomePerCapita);
    }
}
