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

import org.fupin.household.monitoring.domain.SignalKind;
import org.fupin.household.monitoring.domain.WarningCondition;
import org.fupin.household.monitoring.domain.WarningRule;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A row of warning_rule: one version of a rule, never changed once written. */
@Entity
@Table(name = "warning_rule")
public class WarningRuleEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public int version;

    /** Null: a default version, in force for every county without one of its own. */
    @Column(name = "county_code")
    public String countyCode;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public WarningCondition condition;

    public BigDecimal threshold;

    @Column(name = "income_share")
    public BigDecimal incomeShare;

    @Column(name = "line_factor")
    public BigDecimal lineFactor;

    @Enumerated(EnumType.STRING)
    @Column(name = "signal_kind")
    public SignalKind signalKind;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "effective_from", nullable = false)
    public LocalDate effectiveFrom;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public WarningRule toDomain() {
        return new WarningRule(id, code, version, countyCode, name, condition, threshold, incomeShare, lineFactor, signalKind, active,
                effectiveFrom);
    }

    /** The default versions and the county's own, of every rule: what {@code WarningRules.inForce} chooses from. */
    public static List<WarningRule> forCounty(String countyCode) {
        return WarningRuleEntity.<WarningRuleEntity>list("countyCode is null or countyCode = ?1 order by code, effectiveFrom, version",
                countyCode).stream().map(WarningRuleEntity::toDomain).toList();
    }
}
