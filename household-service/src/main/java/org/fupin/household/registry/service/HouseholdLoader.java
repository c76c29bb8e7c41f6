package org.fupin.household.registry.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.fupin.household.registry.persistence.HouseholdEntity;
import org.fupin.security.RegionScope;
import org.fupin.problem.ProblemException;

/** Loads a household the caller may see; one outside the caller's region does not exist for them. */
@ApplicationScoped
public class HouseholdLoader {

    public HouseholdEntity inScope(UUID id, RegionScope scope) {
        HouseholdEntity household = HouseholdEntity.findById(id);
        if (household == null || !scope.covers(household.villageCode)) {
            throw ProblemException.notFound("Household " + id);
        }
        return household;
    }
}
