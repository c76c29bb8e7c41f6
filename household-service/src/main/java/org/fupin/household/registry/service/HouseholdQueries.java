package org.fupin.household.registry.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.fupin.household.registry.persistence.HouseholdEntity;
import org.fupin.problem.ProblemException;
import org.fupin.security.RegionScope;

/** Reads households within the caller's region; anything outside it does not exist for them. */
@ApplicationScoped
public class HouseholdQueries {

    @Transactional(Transactional.TxType.SUPPORTS)
    public HouseholdEntity get(UUID id, RegionScope scope) {
        HouseholdEntity household = HouseholdEntity.findById(id);
        if (household == null || !scope.covers(household.villageCode)) {
            throw ProblemException.notFound("Household " + id);
        }
        household.members.size();
        return household;
    }
}
