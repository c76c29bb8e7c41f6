package org.fupin.household.registry.service;

import org.fupin.events.household.HouseholdRegistered;
import org.fupin.events.household.HouseholdUpdated;
import org.fupin.events.household.MemberFacts;
import org.fupin.household.registry.persistence.HouseholdEntity;
import org.fupin.household.registry.persistence.MemberEntity;

/** Turns registry state into event records; the one place that decides what leaves the service (no names, no ID numbers). */
public final class HouseholdEvents {

    private HouseholdEvents() {
    }

    public static HouseholdRegistered registered(HouseholdEntity household) {
        return new HouseholdRegistered(
                household.id,
                household.householdNo,
                household.villageCode,
                household.category.name(),
                household.causes,
                household.primaryCause.name(),
                household.identifiedYear,
                household.annualIncomePerCapita,
                household.status.name(),
                household.riskType == null ? null : household.riskType.name(),
                household.registeredOn,
                household.currentMembers().stream().map(HouseholdEvents::facts).toList());
    }

    static HouseholdUpdated updated(HouseholdEntity household, java.util.List<String> changedFields, java.time.LocalDate effectiveDate) {
        return new HouseholdUpdated(
                household.id,
                household.villageCode,
                household.category.name(),
                household.causes,
                household.primaryCause.name(),
                household.identifiedYear,
                household.annualIncomePerCapita,
                changedFields,
                effectiveDate);
    }

    static MemberFacts facts(MemberEntity member) {
        return new MemberFacts(
                member.id,
                member.relation.name(),
                member.gender.name(),
                member.birthDate.getYear(),
                member.health.name(),
                member.disabilityGrade,
                member.severeMentalIllness,
                member.education.name(),
                member.laborCapacity.name(),
                member.medicalInsurance,
                member.migrantWorker);
    }
}
