package org.fupin.household.monitoring.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A row of monitoring_warning: a rule version that fired on a signal, and why. */
@Entity
@Table(name = "monitoring_warning")
public class WarningEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "alert_id", nullable = false)
    public UUID alertId;

    @Column(name = "signal_id", nullable = false)
    public UUID signalId;

    @Column(name = "rule_id", nullable = false)
    public UUID ruleId;

    @Column(name = "rule_code", nullable = false)
    public String ruleCode;

    @Column(name = "rule_version", nullable = false)
    public int ruleVersion;

    @Column(nullable = false)
    public String reason;

    public static List<WarningEntity> ofAlert(UUID alertId) {
        return list("alertId = ?1 order by id", alertId);
    }
}
