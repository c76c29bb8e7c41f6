package org.fupin.assistance.ledger.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.fupin.assistance.ledger.domain.MeasureStatus;
import org.fupin.assistance.ledger.domain.MeasureType;
import org.fupin.assistance.ledger.domain.ProviderKind;
import org.hibernate.annotations.Generated;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A row of measure: one entry of the assistance ledger (幫扶措施). */
@Entity
@Table(name = "measure")
public class MeasureEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Generated
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MeasureType type;

    @Column(name = "household_id")
    public UUID householdId;

    /** The village helped, or the household's village when the measure was recorded. */
    @Column(name = "village_code", nullable = false)
    public String villageCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "provider_kind", nullable = false)
    public ProviderKind providerKind;

    @Column(name = "provider_id", nullable = false)
    public UUID providerId;

    @Column(nullable = false, precision = 14, scale = 2)
    public BigDecimal amount;

    @Column(name = "started_on", nullable = false)
    public LocalDate startedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MeasureStatus status;

    public String description;

    @Column(name = "confirmed_on")
    public LocalDate confirmedOn;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "confirmed_by")
    public String confirmedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public boolean confirmed() {
        return confirmedOn != null;
    }
}
