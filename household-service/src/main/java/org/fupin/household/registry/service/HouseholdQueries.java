package org.fupin.household.registry.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.fupin.household.registry.persistence.HouseholdEntity;
import org.fupin.security.RegionScope;

/** Reads households within the caller's region; anything outside it does not exist for them. */
@ApplicationScoped
public class HouseholdQueries {

    private final HouseholdLoader households;

    public HouseholdQueries(HouseholdLoader households) {
        this.households = households;
    }

    /** The household with its members loaded, for a view built after the transaction. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public HouseholdEntity get(UUID id, RegionScope scope) {
        HouseholdEntity household = households.inScope(id, scope);
        household.members.size();
        return household;
    }
}
