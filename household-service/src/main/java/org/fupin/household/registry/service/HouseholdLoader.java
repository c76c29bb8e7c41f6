package org.fupin.household.registry.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.fupin.household.registry.persistence.HouseholdEntity;
import org.fupin.security.RegionScope;

/** Loads a household the caller may see; one outside the caller's region does not exist for them. */
@ApplicationScoped
public class HouseholdLoader {

    public HouseholdEntity inScope(UUID id, RegionScope scope) {
        return scope.require(HouseholdEntity.<HouseholdEntity>findById(id), household -> household.villageCode, "Household " + id);
    }
}
