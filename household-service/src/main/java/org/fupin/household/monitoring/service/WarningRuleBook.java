package org.fupin.household.monitoring.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.fupin.household.config.RegistryConfig;
import org.fupin.household.monitoring.domain.SignalKind;
import org.fupin.household.monitoring.domain.WarningCondition;
import org.fupin.household.monitoring.domain.WarningRule;
import org.fupin.household.monitoring.domain.WarningRuleVersions;
import org.fupin.household.monitoring.domain.WarningRules;
import org.fupin.household.monitoring.persistence.WarningRuleEntity;
import org.fupin.platform.ids.RowIds;

/**
 * The warning rules: which are in force for a county on a day, every version of them, and a county's new version.
 * Versions are only ever added, so a warning's rule version keeps meaning what it meant.
 */
@ApplicationScoped
public class WarningRuleBook {

    /** A county's new version of a rule (or a new rule), in force from effectiveFrom. */
    public record NewVersion(String code, String name, WarningCondition condition, BigDecimal threshold, BigDecimal incomeShare,
            BigDecimal lineFactor, SignalKind signalKind, boolean active, LocalDate effectiveFrom) {
    }

    private final RegistryConfig registry;

    public WarningRuleBook(RegistryConfig registry) {
        this.registry = registry;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WarningRule> inForce(String countyCode, LocalDate on) {
        return WarningRules.inForce(WarningRuleEntity.forCounty(countyCode), countyCode, on);
    }

    /** Every version a county's evaluation chooses from (the defaults and its own), oldest first per rule. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WarningRule> versions(String countyCode) {
        return WarningRuleEntity.forCounty(countyCode);
    }

    @Transactional
    public WarningRule add(String countyCode, NewVersion version, String actor) {
        LocalDate today = LocalDate.now(registry.zone());
        List<WarningRule> own = WarningRuleEntity.forCounty(countyCode).stream()
                .filter(r -> version.code().equals(r.code()) && countyCode.equals(r.countyCode())).toList();
        WarningRuleVersions.requireAddable(version.condition(), version.threshold(), version.incomeShare(), version.lineFactor(),
                version.signalKind(), version.effectiveFrom(), today, own);
        WarningRuleEntity row = new WarningRuleEntity();
        row.id = RowIds.next();
        row.code = version.code();
        row.version = own.stream().mapToInt(WarningRule::version).max().orElse(0) + 1;
        row.countyCode = countyCode;
        row.name = version.name();
        row.condition = version.condition();
        row.threshold = version.threshold();
        row.incomeShare = version.incomeShare();
        row.lineFactor = version.lineFactor();
        row.signalKind = version.signalKind();
        row.active = version.active();
        row.effectiveFrom = version.effectiveFrom();
        row.createdBy = actor;
        row.createdAt = Instant.now();
        row.persistAndFlush();
        return row.toDomain();
    }
}
