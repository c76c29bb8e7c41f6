package org.fupin.assistance.organisation.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.fupin.assistance.organisation.domain.HelperKind;
import org.hibernate.annotations.Generated;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A row of helper: a person who helps households (幫扶責任人). */
@Entity
@Table(name = "helper")
public class HelperEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Generated
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(nullable = false)
    public String name;

    public String phone;

    @Column(name = "unit_id", nullable = false)
    public UUID unitId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public HelperKind kind;

    @Column(name = "max_households", nullable = false)
    public int maxHouseholds;

    /** The region the record belongs to: its callers and those above may change it, those below read it. */
    @Column(name = "region_code", nullable = false)
    public String regionCode;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /**
     * The helper with its row locked until the transaction ends ({@code select ... for update}):
     * whoever counts the helper's active households next waits until this transaction committed
     * its own pairing, so that two requests cannot both take the last place.
     */
    public static HelperEntity lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
