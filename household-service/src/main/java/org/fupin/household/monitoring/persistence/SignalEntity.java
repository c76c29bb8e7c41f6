package org.fupin.household.monitoring.persistence;

import java.math.BigDecimal;
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

import org.fupin.household.monitoring.domain.Department;
import org.fupin.household.monitoring.domain.SignalChannel;
import org.fupin.household.monitoring.domain.SignalKind;
import org.fupin.household.monitoring.domain.SignalOutcome;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A row of monitoring_signal: a signal as received and what it led to. */
@Entity
@Table(name = "monitoring_signal")
public class SignalEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Department department;

    /** The sender's own id: with the department, what makes a repeat a repeat. */
    @Column(name = "signal_id", nullable = false)
    public String signalId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SignalKind kind;

    @Column(name = "id_number")
    public String idNumber;

    @Column(name = "household_no")
    public String householdNo;

    @Column(name = "occurred_on", nullable = false)
    public LocalDate occurredOn;

    public BigDecimal amount;

    public String note;

    @Column(name = "received_on", nullable = false)
    public LocalDate receivedOn;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "sent_by", nullable = false)
    public String sentBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SignalChannel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SignalOutcome outcome;

    @Column(name = "household_id")
    public UUID householdId;

    @Column(name = "member_id")
    public UUID memberId;

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "alert_id")
    public UUID alertId;

    @Column(nullable = false)
    public String fingerprint;

    @Column(insertable = false, updatable = false)
    public Long seq;

    public static java.util.Optional<SignalEntity> bySenderId(Department department, String signalId) {
        return find("department = ?1 and signalId = ?2", department, signalId).firstResultOptional();
    }

    public static List<SignalEntity> ofAlert(UUID alertId) {
        return list("alertId = ?1 order by seq", alertId);
    }
}
