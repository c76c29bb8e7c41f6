package org.fupin.household.registry.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fupin.household.history.domain.Changes;
import org.fupin.household.history.domain.FieldChange;
import org.fupin.household.registry.persistence.HouseholdEntity;
import org.fupin.household.registry.persistence.MemberEntity;

/**
 * A household's recorded fields as a flat map, the input of history diffs. Members appear as
 * {@code members[<memberId>].<field>} so that a change names the member it concerns.
 */
public final class HouseholdSnapshot {

    private HouseholdSnapshot() {
    }

    /** The history changes of a registration: every recorded field, from nothing to its value. */
    public static List<FieldChange> registration(HouseholdEntity household) {
        return Changes.between(Map.of(), of(household));
    }

    public static Map<String, Object> of(HouseholdEntity household) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("villageCode", household.villageCode);
        fields.put("address", household.address);
        fields.put("phone", household.phone);
        fields.put("category", name(household.category));
        fields.put("causes", household.causes);
        fields.put("primaryCause", name(household.primaryCause));
        fields.put("identifiedYear", household.identifiedYear);
        fields.put("annualIncomePerCapita", household.annualIncomePerCapita);
        fields.put("status", name(household.status));
        fields.put("riskType", name(household.riskType));
        fields.put("noticeEndsOn", household.noticeEndsOn == null ? null : household.noticeEndsOn.toString());
        for (MemberEntity member : household.currentMembers()) {
            fields.putAll(of(member));
        }
        return fields;
    }

    static Map<String, Object> of(MemberEntity member) {
        Map<String, Object> fields = new LinkedHashMap<>();
        String prefix = "members[" + member.id + "].";
        fields.put(prefix + "name", member.name);
        fields.put(prefix + "idNumber", member.idNumber);
        fields.put(prefix + "relation", name(member.relation));
        fields.put(prefix + "health", name(member.health));
        fields.put(prefix + "disabilityGrade", member.disabilityGrade);
        fields.put(prefix + "severeMentalIllness", member.severeMentalIllness);
        fields.put(prefix + "education", name(member.education));
        fields.put(prefix + "laborCapacity", name(member.laborCapacity));
        fields.put(prefix + "medicalInsurance", member.medicalInsurance);
        fields.put(prefix + "migrantWorker", member.migrantWorker);
        return fields;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
