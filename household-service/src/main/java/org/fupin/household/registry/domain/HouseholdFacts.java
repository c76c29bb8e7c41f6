package org.fupin.household.registry.domain;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What is recorded of a household itself, as a merge patch may change it; members and status go their own ways. */
public record HouseholdFacts(
        String villageCode,
        String address,
        String phone,
        HouseholdCategory category,
        List<PovertyCause> causes,
        PovertyCause primaryCause,
        int identifiedYear,
        BigDecimal annualIncomePerCapita) {

    public HouseholdFacts {
        causes = List.copyOf(causes);
    }

    /** As stored: the address without surrounding blanks, a blank phone as none. */
    public HouseholdFacts normalized() {
        return new HouseholdFacts(villageCode, address == null ? null : address.strip(),
                phone == null || phone.isBlank() ? null : phone, category, causes, primaryCause, identifiedYear,
                annualIncomePerCapita);
    }

    /** The facts by field name, enums by name: what history records and a change compares. */
    public Map<String, Object> asFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("villageCode", villageCode);
        fields.put("address", address);
        fields.put("phone", phone);
        fields.put("category", category == null ? null : category.name());
        fields.put("causes", causes.stream().map(Enum::name).toList());
        fields.put("primaryCause", primaryCause == null ? null : primaryCause.name());
        fields.put("identifiedYear", identifiedYear);
        fields.put("annualIncomePerCapita", annualIncomePerCapita);
        return fields;
    }
}
