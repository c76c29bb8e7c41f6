package org.fupin.household.registry.service;

import java.time.Instant;
import java.time.LocalDate;

import org.fupin.household.registry.domain.IdNumber;
import org.fupin.household.registry.domain.LifecycleState;
import org.fupin.household.registry.domain.NewHousehold;
import org.fupin.household.registry.domain.NewMember;
import org.fupin.household.registry.persistence.HouseholdEntity;
import org.fupin.household.registry.persistence.MemberEntity;
import org.fupin.platform.ids.RowIds;

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
        entity.restate(household.facts());
        // Registrations of the existing register carry their own date; it is when the status began.
        entity.registeredOn = household.registeredOn() == null ? today : household.registeredOn();
        entity.enter(LifecycleState.registered(household.initialStatus(), entity.registeredOn));
        entity.createdAt = now;
        entity.updatedAt = now;
        for (NewMember member : household.members()) {
            entity.members.add(member(entity, member, today));
        }
        return entity;
    }

    /** A member of the household; gender and birth date come from the (valid) ID number. */
    public static MemberEntity member(HouseholdEntity household, NewMember member, LocalDate today) {
        MemberEntity entity = new MemberEntity();
        entity.id = RowIds.next();
        entity.household = household;
        entity.restate(member, IdNumber.parse(member.idNumber(), today).idNumber());
        return entity;
    }

    /** The household number of the given serial in its village: the village code and five digits. */
    public static String householdNo(String villageCode, int serial) {
        return villageCode + String.format("%05d", serial);
    }
}
