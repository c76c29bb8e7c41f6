package org.fupin.household.registry.rest;

import java.util.Comparator;
import java.util.List;

import org.fupin.household.registry.persistence.HouseholdEntity;
import org.fupin.household.registry.persistence.MemberEntity;
import org.fupin.platform.privacy.FieldAccess;
import org.fupin.platform.privacy.PersonalField;

/** Maps registry entities to API views, each personal field as the privacy policy lets the caller see it. */
public final class HouseholdMapper {

    /** The head first, then the others by relation and age, as on the paper register. */
    private static final Comparator<MemberEntity> REGISTER_ORDER = Comparator
            .comparing((MemberEntity m) -> m.relation.ordinal())
            .thenComparing(m -> m.birthDate);

    private HouseholdMapper() {
    }

    public static HouseholdView view(HouseholdEntity household, FieldAccess access) {
        String region = household.villageCode;
        // The same for the household and every member: they share the household's village.
        List<String> masked = access.masked(region);
        List<String> omitted = access.omitted(region);
        return new HouseholdView(
                household.id,
                household.householdNo,
                household.villageCode,
                access.text(PersonalField.ADDRESS, region, household.address),
                access.text(PersonalField.PHONE, region, household.phone),
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
                        .map(member -> view(member, access, masked, omitted))
                        .toList(),
                masked,
                omitted);
    }

    static MemberView view(MemberEntity member, FieldAccess access) {
        String region = member.household.villageCode;
        return view(member, access, access.masked(region), access.omitted(region));
    }

    private static MemberView view(MemberEntity member, FieldAccess access, List<String> masked, List<String> omitted) {
        String region = member.household.villageCode;
        return new MemberView(
                member.id,
                access.text(PersonalField.NAME, region, member.name),
                access.text(PersonalField.ID_NUMBER, region, member.idNumber),
                masked.contains(PersonalField.ID_NUMBER.column()),
                member.gender,
                access.birthDate(region, member.birthDate),
                access.birthYear(region, member.birthDate),
                member.relation,
                access.value(PersonalField.HEALTH, region, member.health),
                access.value(PersonalField.DISABILITY, region, member.disabilityGrade),
                access.value(PersonalField.MENTAL_ILLNESS, region, member.severeMentalIllness),
                member.education,
                member.laborCapacity,
                member.medicalInsurance,
                member.migrantWorker,
                masked,
                omitted);
    }
}
