package org.fupin.household.registry.service;

import java.time.Instant;
import java.time.LocalDate;

import org.fupin.household.registry.domain.HouseholdStatus;
import org.fupin.household.registry.domain.IdNumber;
import org.fupin.household.registry.domain.InitialStatus;
import org.fupin.household.registry.domain.NameSearch;
import org.fupin.household.registry.domain.NewHousehold;
import org.fupin.household.registry.domain.NewMember;
import org.fupin.household.registry.domain.RiskType;
import org.fupin.household.registry.persistence.HouseholdEntity;
import org.fupin.household.registry.persistence.MemberEntity;
import org.fupin.household.registry.persistence.RowIds;

/**
 * Builds the rows of a newly registered household from a household that passed the rules; shared
 * by the API's registration and the CSV import so that both store exactly the same facts.
 */
public final class HouseholdFactory {

    private HouseholdFactory() {
    }

    /** The household with its members, new ids and the given number; not yet persisted. */
    public static HouseholdEntity household(NewHousehold household, String householdNo, LocalDate today, Instant now) {
        HouseholdEntity entity = new HouseholdEntity();
        entity.id = RowIds.next();
        entity.householdNo = householdNo;
        entity.villageCode = household.villageCode();
        entity.address = household.address().strip();
        entity.phone = household.phone() == null || household.phone().isBlank() ? null : household.phone();
        entity.category = household.category();
        entity.causes = household.causes().stream().map(Enum::name).toList();
        entity.primaryCause = household.primaryCause();
        entity.identifiedYear = household.identifiedYear();
        entity.annualIncomePerCapita = household.annualIncomePerCapita();
        // A household registered as monitored is a marginal household (邊緣戶) by definition.
        entity.status = household.initialStatus() == InitialStatus.MONITORED ? HouseholdStatus.MONITORED : HouseholdStatus.POOR;
        entity.riskType = entity.status == HouseholdStatus.MONITORED ? RiskType.MARGINAL : null;
        // Registrations of the existing register carry their own date; it is when the status began.
        entity.registeredOn = household.registeredOn() == null ? today : household.registeredOn();
        entity.statusSince = entity.registeredOn;
        entity.createdAt = now;
        entity.updatedAt = now;
        for (NewMember member : household.members()) {
            entity.members.add(member(entity, member, today));
        }
        return entity;
    }

    /** A member of the household; gender and birth date come from the (valid) ID number. */
    public static MemberEntity member(HouseholdEntity household, NewMember member, LocalDate today) {
        IdNumber idNumber = IdNumber.parse(member.idNumber(), today).idNumber();
        MemberEntity entity = new MemberEntity();
        entity.id = RowIds.next();
        entity.household = household;
        entity.name = member.name().strip();
        entity.nameSearch = NameSearch.normalize(entity.name);
        entity.idNumber = idNumber.value();
        entity.gender = idNumber.gender();
        entity.birthDate = idNumber.birthDate();
        entity.relation = member.relation();
        entity.health = member.health();
        entity.disabilityGrade = member.disabilityGrade();
        entity.severeMentalIllness = member.severeMentalIllness();
        entity.education = member.education();
        entity.laborCapacity = member.laborCapacity();
        entity.medicalInsurance = member.medicalInsurance();
        entity.migrantWorker = member.migrantWorker();
        return entity;
    }

    /** The household number of the given serial in its village: the village code and five digits. */
    public static String householdNo(String villageCode, int serial) {
        return villageCode + String.format("%05d", serial);
    }
}
