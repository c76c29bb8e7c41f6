package org.fupin.household.registry.rest;

import java.util.Comparator;

import org.fupin.household.registry.domain.IdNumber;
import org.fupin.household.registry.persistence.HouseholdEntity;
import org.fupin.household.registry.persistence.MemberEntity;

/** Maps registry entities to API views, masking what the caller may not see. */
final class HouseholdMapper {

    /** The head first, then the others by relation and age, as on the paper register. */
    private static final Comparator<MemberEntity> REGISTER_ORDER = Comparator
            .comparing((MemberEntity m) -> m.relation.ordinal())
            .thenComparing(m -> m.birthDate);

    private HouseholdMapper() {
    }

    static HouseholdView view(HouseholdEntity household, boolean showIdNumbers) {
        return new HouseholdView(
                household.id,
                household.householdNo,
                household.villageCode,
                household.address,
                household.phone,
                household.category,
                household.causeList(),
                household.primaryCause,
                household.identifiedYear,
                household.annualIncomePerCapita,
                household.status,
                household.statusSince,
                household.riskType,
                household.noticeEndsOn,
                household.registeredOn,
                household.updatedAt,
                household.currentMembers().stream()
                        .sorted(REGISTER_ORDER)
                        .map(member -> view(member, showIdNumbers))
                        .toList());
    }

    static MemberView view(MemberEntity member, boolean showIdNumbers) {
        return new MemberView(
                member.id,
                member.name,
                showIdNumbers ? member.idNumber : IdNumber.mask(member.idNumber),
                !showIdNumbers,
                member.gender,
                showIdNumbers ? member.birthDate : null,
                member.relation,
                member.health,
                member.disabilityGrade,
                member.severeMentalIllness,
                member.education,
                member.laborCapacity,
                member.medicalInsurance,
                member.migrantWorker);
    }
}
