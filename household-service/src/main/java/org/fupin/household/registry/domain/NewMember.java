package org.fupin.household.registry.domain;

/** A member as stated by whoever registers or adds them, before validation. */
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
}
