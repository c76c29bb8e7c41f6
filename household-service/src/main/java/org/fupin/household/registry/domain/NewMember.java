package org.fupin.household.registry.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/** A member as stated by whoever registers, adds or changes them, before validation. */
public record NewMember(
        String name,
        String idNumber,
        Relation relation,
        Health health,
        Integer disabilityGrade,
        boolean severeMentalIllness,
        Education education,
        LaborCapacity laborCapacity,
        boolean medicalInsurance,
        boolean migrantWorker) {

    /** The stated facts by field name, enums by name: what history records and a change compares. */
    public Map<String, Object> asFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("idNumber", idNumber);
        fields.put("relation", relation == null ? null : relation.name());
        fields.put("health", health == null ? null : health.name());
        fields.put("disabilityGrade", disabilityGrade);
        fields.put("severeMentalIllness", severeMentalIllness);
        fields.put("education", education == null ? null : education.name());
        fields.put("laborCapacity", laborCapacity == null ? null : laborCapacity.name());
        fields.put("medicalInsurance", medicalInsurance);
        fields.put("migrantWorker", migrantWorker);
        return fields;
    }

    /** The same member with another relation. */
    public NewMember withRelation(Relation newRelation) {
        return new NewMember(name, idNumber, newRelation, health, disabilityGrade, severeMentalIllness, education,
                laborCapacity, medicalInsurance, migrantWorker);
    }
}
