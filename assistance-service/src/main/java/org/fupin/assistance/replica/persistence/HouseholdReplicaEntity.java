package org.fupin.assistance.replica.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** What this service knows of a household: that it exists, where, and in which status. */
@Entity
@Table(name = "household_replica")
public class HouseholdReplicaEntity extends PanacheEntityBase {

    @Id
    @Column(name = "household_id")
    public UUID householdId;

    @Column(name = "village_code", nullable = false)
    public String villageCode;

    @Column(nullable = false)
    public String status;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
