package org.fupin.assistance.replica.events;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.fupin.assistance.pairing.domain.PairingPolicy;
import org.fupin.assistance.pairing.service.Pairings;
import org.fupin.assistance.replica.persistence.HouseholdReplicaEntity;
import org.fupin.assistance.replica.persistence.RegionReplicaEntity;
import org.fupin.events.CloudEvent;
import org.fupin.events.household.HouseholdRegistered;
import org.fupin.events.household.HouseholdStatusChanged;
import org.fupin.events.household.HouseholdUpdated;
import org.fupin.events.household.RegionUpserted;

/**
 * Applies household events to the replica. Each method is an upsert of the facts the event
 * carries, so applying an event twice, or replaying the topic, leaves the same rows. What a
 * household's change means for its pairing is applied in the same transaction.
 */
@ApplicationScoped
public class HouseholdReplica {

    private final Pairings pairings;

    public HouseholdReplica(Pairings pairings) {
        this.pairings = pairings;
    }

    public void regionUpserted(RegionUpserted region, CloudEvent event) {
        RegionReplicaEntity row = RegionReplicaEntity.findById(region.code());
        if (row == null) {
            row = new RegionReplicaEntity();
            row.code = region.code();
        }
        row.level = region.level();
        row.parentCode = region.parentCode();
        row.poorVillage = region.poorVillage();
        row.deepPoverty = region.deepPoverty();
        row.updatedAt = event.time();
        row.persist();
    }

    public void registered(HouseholdRegistered household, CloudEvent event) {
        upsert(household.householdId(), household.villageCode(), household.status(), event.time());
    }

    public void updated(HouseholdUpdated household, CloudEvent event) {
        HouseholdReplicaEntity row = HouseholdReplicaEntity.findById(household.householdId());
        if (row != null) {
            row.villageCode = household.villageCode();
            row.updatedAt = event.time();
            pairings.householdMoved(household.householdId(), household.villageCode());
        }
    }

    public void statusChanged(HouseholdStatusChanged change, CloudEvent event) {
        upsert(change.householdId(), change.villageCode(), change.to(), event.time());
        pairings.householdMoved(change.householdId(), change.villageCode());
        if (PairingPolicy.endsHelperPairing(change.to())) {
            pairings.householdRemoved(change.householdId(), change.effectiveDate());
        }
    }

    private static void upsert(UUID id, String villageCode, String status, Instant at) {
        HouseholdReplicaEntity row = HouseholdReplicaEntity.findById(id);
        if (row == null) {
            row = new HouseholdReplicaEntity();
            row.householdId = id;
        }
        row.villageCode = villageCode;
        row.status = status;
        row.updatedAt = at;
        row.persist();
    }
}
