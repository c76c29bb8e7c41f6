package org.fupin.household.monitoring.persistence;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A helper's pairing with a household (結對幫扶), replicated from assistance.events. */
@Entity
@Table(name = "helper_pairing_replica")
public class HelperPairingReplicaEntity extends PanacheEntityBase {

    @Id
    @Column(name = "pairing_id")
    public UUID pairingId;

    @Column(name = "household_id", nullable = false)
    public UUID householdId;

    @Column(name = "helper_id", nullable = false)
    public UUID helperId;

    @Column(name = "started_on", nullable = false)
    public LocalDate startedOn;

    @Column(name = "ended_on")
    public LocalDate endedOn;

    /** The household's helper now: its pairing that has not ended, the latest if the replica holds more than one. */
    public static Optional<HelperPairingReplicaEntity> currentFor(UUID householdId) {
        return find("householdId = ?1 and endedOn is null order by startedOn desc", householdId).firstResultOptional();
    }
}
