package org.fupin.household.monitoring.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.fupin.household.monitoring.domain.AlertStatus;
import org.fupin.household.monitoring.domain.AssigneeKind;
import org.fupin.household.registry.domain.RiskType;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A row of monitoring_alert: a household's alert, its verification and the township's decision. */
@Entity
@Table(name = "monitoring_alert")
public class MonitoringAlertEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "household_id", nullable = false)
    public UUID householdId;

    @Column(name = "village_code", nullable = false)
    public String villageCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AlertStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "assignee_kind", nullable = false)
    public AssigneeKind assigneeKind;

    @Column(name = "assignee_id")
    public UUID assigneeId;

    @Column(name = "opened_on", nullable = false)
    public LocalDate openedOn;

    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    @Column(name = "verified_on")
    public LocalDate verifiedOn;

    /** The verifier's token subject, which the township's decider must differ from. */
    @Column(name = "verified_by_id")
    public String verifiedById;

    @Column(name = "verified_by")
    public String verifiedBy;

    public String findings;

    @Enumerated(EnumType.STRING)
    @Column(name = "risk_type")
    public RiskType riskType;

    @Column(name = "decided_on")
    public LocalDate decidedOn;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decision_reason")
    public String decisionReason;

    /** Assigned by the database; lists page in this order. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The household's open alert (waiting for verification or for the township), which new warnings join. */
    public static Optional<MonitoringAlertEntity> openFor(UUID householdId) {
        return find("householdId = ?1 and status in ?2", householdId, java.util.List.of(AlertStatus.OPEN, AlertStatus.RISK_CONFIRMED))
                .firstResultOptional();
    }

    public boolean overdue(LocalDate today) {
        return status == AlertStatus.OPEN && dueOn.isBefore(today);
    }
}
