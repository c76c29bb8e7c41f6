package org.fupin.assistance.organisation.service;

import org.fupin.assistance.organisation.persistence.GroupEntity;
import org.fupin.assistance.organisation.persistence.HelperEntity;
import org.fupin.assistance.organisation.persistence.UnitEntity;
import org.fupin.assistance.organisation.persistence.WarZoneEntity;
import org.fupin.assistance.organisation.persistence.WorkTeamEntity;
import org.fupin.events.assistance.GroupCreated;
import org.fupin.events.assistance.HelperRegistered;
import org.fupin.events.assistance.HelperUpdated;
import org.fupin.events.assistance.UnitRegistered;
import org.fupin.events.assistance.WarZoneDefined;
import org.fupin.events.assistance.WorkTeamAssigned;

/** Turns the organisation of helpers into event records; helpers leave without name or phone. */
final class OrganisationEvents {

    private OrganisationEvents() {
    }

    static GroupCreated created(GroupEntity group) {
        return new GroupCreated(group.id, group.name);
    }

    static UnitRegistered registered(UnitEntity unit) {
        return new UnitRegistered(unit.id, unit.name, unit.type.name(), unit.groupId);
    }

    static HelperRegistered registered(HelperEntity helper) {
        return new HelperRegistered(helper.id, helper.unitId, helper.kind.name(), helper.maxHouseholds);
    }

    static HelperUpdated updated(HelperEntity helper) {
        return new HelperUpdated(helper.id, helper.unitId, helper.kind.name(), helper.maxHouseholds);
    }

    static WorkTeamAssigned assigned(WorkTeamEntity team) {
        return new WorkTeamAssigned(team.id, team.villageCode, team.leaderId, team.memberIds, team.startDate);
    }

    static WarZoneDefined defined(WarZoneEntity zone) {
        return new WarZoneDefined(zone.id, zone.name, zone.leaderId, zone.townshipCodes);
    }
}
