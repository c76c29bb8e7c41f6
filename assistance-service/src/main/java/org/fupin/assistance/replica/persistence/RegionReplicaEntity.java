package org.fupin.assistance.replica.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** What this service knows of a region: its level, parent and poverty flags. */
@Entity
@Table(name = "region_replica")
public class RegionReplicaEntity extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String level;

    @Column(name = "parent_code")
    public String parentCode;

    @Column(name = "poor_village", nullable = false)
    public boolean poorVillage;

    @Column(name = "deep_poverty", nullable = false)
    public boolean deepPoverty;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
