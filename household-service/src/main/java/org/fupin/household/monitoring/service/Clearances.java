package org.fupin.household.monitoring.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.fupin.household.cases.domain.StepDates;
import org.fupin.household.cases.service.Actor;
import org.fupin.household.config.MonitoringConfig;
import org.fupin.household.config.RegistryConfig;
import org.fupin.household.monitoring.domain.ClearanceRules;
import org.fupin.household.monitoring.domain.ClearanceStatus;
import org.fupin.household.monitoring.domain.StableIncome;
import org.fupin.household.monitoring.domain.WarningRules;
import org.fupin.household.monitoring.persistence.MonitoringAlertEntity;
import org.fupin.household.monitoring.persistence.RiskClearanceEntity;
import org.fupin.household.monitoring.persistence.WarningRuleEntity;
import org.fupin.household.registry.domain.Action;
import org.fupin.household.registry.domain.HouseholdStatus;
import org.fupin.household.registry.domain.PovertyLines;
import org.fupin.household.registry.domain.TransitionCommand;
import org.fupin.household.registry.persistence.AssessmentEntity;
import org.fupin.household.registry.persistence.HouseholdEntity;
import org.fupin.household.registry.service.HouseholdLoader;
import org.fupin.household.registry.service.HouseholdTransitions;
import org.fupin.kernel.ExpectedVersion;
import org.fupin.kernel.Refusal;
import org.fupin.platform.ids.RowIds;
import org.fupin.platform.outbox.Outbox;
import org.fupin.security.RegionScope;

/**
 * Risk elimination (風險消除): the helper proposes clearing a monitored household whose income and guarantees have
 * held for the configured months ({@link StableIncome}); the township approves (someone else), and the household
 * leaves monitoring from the decision's date.
 */
@ApplicationScoped
public class Clearances {

    private final HouseholdLoader households;
    private final HouseholdTransitions transitions;
    private final MonitoringQueries queries;
    private final Outbox outbox;
    private final MonitoringConfig config;
    private final RegistryConfig registry;

    public Clearances(HouseholdLoader households, HouseholdTransitions transitions, MonitoringQueries queries, Outbox outbox,
            MonitoringConfig config, RegistryConfig registry) {
        this.households = households;
        this.transitions = transitions;
        this.queries = queries;
        this.outbox = outbox;
        this.config = config;
        this.registry = registry;
    }

    @Transactional
    public RiskClearanceEntity propose(UUID householdId, LocalDate proposedOn, String reason, RegionScope scope, Actor actor) {
        HouseholdEntity household = households.inScope(householdId, scope);
        StepDates.require("proposedOn", proposedOn, null, today());
        if (household.status != HouseholdStatus.MONITORED) {
            throw Refusal.conflict("not-monitored", "Only a monitored household's risk is cleared; this one is " + household.status + ".");
        }
        if (MonitoringAlertEntity.openFor(householdId).isPresent()) {
            throw Refusal.conflict("alert-open", "The household has an open monitoring alert: verify it before clearing the risk.");
        }
        if (RiskClearanceEntity.count("householdId = ?1 and status = ?2", householdId, ClearanceStatus.PROPOSED) > 0) {
            throw Refusal.conflict("clearance-open", "A clearance of this household waits for the township already.");
        }
        String county = household.villageCode.substring(0, 6);
        var rules = WarningRuleEntity.forCounty(county);
        PovertyLines lines = new PovertyLines(registry.povertyLine());
        List<String> evidence = StableIncome.require(
                AssessmentEntity.of(householdId).stream().map(a -> new StableIncome.Evidence<>(a.id.toString(), a.toDomain())).toList(),
                proposedOn, config.stableMonths(), day -> WarningRules.warningLine(WarningRules.inForce(rules, county, day), lines, day));
        RiskClearanceEntity c = new RiskClearanceEntity();
        c.id = RowIds.next();
        c.householdId = householdId;
        c.villageCode = household.villageCode;
        c.status = ClearanceStatus.PROPOSED;
        c.proposedOn = proposedOn;
        c.proposerId = actor.id();
        c.proposer = actor.display();
        c.reason = reason;
        c.stableMonths = config.stableMonths();
        c.assessmentIds = evidence;
        c.createdAt = Instant.now();
        c.updatedAt = c.createdAt;
        c.persistAndFlush();
        outbox.record(c.id.toString(), MonitoringEvents.proposed(c));
        return c;
    }

    @Transactional
    public RiskClearanceEntity decide(UUID id, boolean approves, LocalDate decidedOn, String reason, ExpectedVersion expected,
            RegionScope scope, Actor actor) {
        RiskClearanceEntity c = queries.clearance(id, scope);
        expected.check(c.version);
        c.status = ClearanceRules.decide(c.status, c.proposerId, actor.id(), approves, reason, c.proposedOn, decidedOn, today());
        c.decidedOn = decidedOn;
        c.decidedBy = actor.display();
        c.decisionReason = reason;
        c.updatedAt = Instant.now();
        if (c.status == ClearanceStatus.APPROVED) {
            transitions.monitoringDecision(c.householdId, new TransitionCommand(Action.CLEAR_RISK, decidedOn,
                    "Risk clearance " + c.id + " approved", null), actor.display());
        }
        c.persistAndFlush();
        outbox.record(c.id.toString(), MonitoringEvents.decided(c));
        return c;
    }

    private LocalDate today() {
        return LocalDate.now(registry.zone());
    }
}
