package org.fupin.household.monitoring.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.fupin.household.monitoring.domain.ClearanceStatus;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A row of risk_clearance: the helper's proposal that a household's risk is eliminated, and the township's decision. */
@Entity
@Table(name = "risk_clearance")
public class RiskClearanceEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "household_id", nullable = false)
    public UUID householdId;

    @Column(name = "village_code", nullable = false)
    public String villageCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ClearanceStatus status;

    @Column(name = "proposed_on", nullable = false)
    public LocalDate proposedOn;

    /** The proposer's token subject, which the township's decider must differ from. */
    @Column(name = "proposer_id", nullable = false)
    public String proposerId;

    @Column(nullable = false)
    public String proposer;

    @Column(nullable = false)
    public String reason;

    @Column(name = "stable_months", nullable = false)
    public int stableMonths;

    // An array like household.causes: Hibernate resolves one type per Java type, and List<String> is an array here.
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "assessment_ids", nullable = false, columnDefinition = "text[]")
    public List<String> assessmentIds;

    @Column(name = "decided_on")
    public LocalDate decidedOn;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decision_reason")
    public String decisionReason;

    @Column(insertable = false, updatable = false)
    public Long seq;

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
