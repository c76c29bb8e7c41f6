package org.fupin.assistance.organisation.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.Generated;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A row of war_zone: townships (戰區) put under one leader. */
@Entity
@Table(name = "war_zone")
public class WarZoneEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Generated
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(nullable = false)
    public String name;

    @Column(name = "leader_id", nullable = false)
    public UUID leaderId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "war_zone_township", joinColumns = @JoinColumn(name = "war_zone_id"))
    @OrderColumn(name = "position")
    @Column(name = "township_code", nullable = false)
    public List<String> townshipCodes = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Version
    public long version;
}
