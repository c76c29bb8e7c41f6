package org.fupin.household.region.persistence;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.fupin.household.region.domain.RegionLevel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A row of the region table. */
@Entity
@Table(name = "region")
public class RegionEntity extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RegionLevel level;

    @Column(name = "parent_code")
    public String parentCode;

    @Column(name = "rural_population", nullable = false)
    public int ruralPopulation;

    @Column(name = "poor_village", nullable = false)
    public boolean poorVillage;

    @Column(name = "deep_poverty", nullable = false)
    public boolean deepPoverty;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Children of a region whose codes start with {@code within}, in code order after the given code (keyset pagination). */
    public static List<RegionEntity> children(String parentCode, String within, String afterCode, int limit) {
        return find("parentCode = ?1 and code like ?2 and code > ?3 order by code", parentCode, within + "%",
                afterCode == null ? "" : afterCode)
                .page(0, limit)
                .list();
    }
}
