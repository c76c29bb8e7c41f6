package org.fupin.household.monitoring.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.fupin.household.cases.service.Actor;
import org.fupin.household.config.RegistryConfig;
import org.fupin.household.history.service.HouseholdHistory;
import org.fupin.household.monitoring.domain.AlertRules;
import org.fupin.household.monitoring.domain.AlertStatus;
import org.fupin.household.monitoring.domain.VerificationOutcome;
import org.fupin.household.monitoring.persistence.MonitoringAlertEntity;
import org.fupin.household.registry.domain.Action;
import org.fupin.household.registry.domain.HouseholdStatus;
import org.fupin.household.registry.domain.RiskType;
import org.fupin.household.registry.domain.TransitionCommand;
import org.fupin.household.registry.persistence.HouseholdEntity;
import org.fupin.household.registry.service.HouseholdTransitions;
import org.fupin.kernel.ExpectedVersion;
import org.fupin.platform.outbox.Outbox;
import org.fupin.security.RegionScope;

/**
 * The steps people do on an alert, each in one transaction: the helper's verification, and the township's decision
 * on a confirmed risk, whose approval puts the household under monitoring ({@link HouseholdTransitions}) from the
 * decision's date.
 */
@ApplicationScoped
public class AlertSteps {

    /** The verification visit (入戶核實): what it found and, for a confirmed risk, its type. */
    public record Verification(LocalDate verifiedOn, VerificationOutcome outcome, RiskType riskType, String findings) {
    }

    /** The township's decision: approve, or send back for another visit with a reason. */
    public record Decision(boolean approves, LocalDate decidedOn, String reason) {
    }

    private final MonitoringQueries queries;
    private final HouseholdTransitions households;
    private final HouseholdHistory history;
    private final Outbox outbox;
    private final RegistryConfig registry;

    public AlertSteps(MonitoringQueries queries, HouseholdTransitions households, HouseholdHistory history, Outbox outbox,
            RegistryConfig registry) {
        this.queries = queries;
        this.households = households;
        this.history = history;
        this.outbox = outbox;
        this.registry = registry;
    }

    @Transactional
    public MonitoringAlertEntity verify(UUID id, Verification visit, ExpectedVersion expected, RegionScope scope, Actor actor) {
        MonitoringAlertEntity alert = queries.alert(id, scope);
        expected.check(alert.version);
        // After a send-back the new visit comes after the township's decision, not merely after the opening.
        LocalDate notBefore = alert.decidedOn != null ? alert.decidedOn : alert.openedOn;
        alert.status = AlertRules.verify(alert.status, visit.outcome(), visit.riskType(), notBefore, visit.verifiedOn(), today());
        alert.verifiedOn = visit.verifiedOn();
        alert.verifiedById = actor.id();
        alert.verifiedBy = actor.display();
        alert.findings = visit.findings();
        alert.riskType = visit.riskType();
        alert.updatedAt = Instant.now();
        alert.persistAndFlush();
        outbox.record(alert.id.toString(), MonitoringEvents.verified(alert));
        history.record(alert.householdId, actor.display(), alert.status == AlertStatus.DISMISSED ? "MONITORING_ALERT_DISMISSED"
                : "MONITORING_RISK_CONFIRMED", visit.findings(), List.of());
        return alert;
    }

    @Transactional
    public MonitoringAlertEntity decide(UUID id, Decision decision, ExpectedVersion expected, RegionScope scope, Actor actor) {
        MonitoringAlertEntity alert = queries.alert(id, scope);
        expected.check(alert.version);
        alert.status = AlertRules.decide(alert.status, alert.verifiedById, actor.id(), decision.approves(), decision.reason(),
                alert.verifiedOn, decision.decidedOn(), today());
        alert.decidedOn = decision.decidedOn();
        alert.decidedBy = actor.display();
        alert.decisionReason = decision.reason();
        if (alert.status == AlertStatus.OPEN) {
            // Sent back: another visit is due, and the previous one's answer no longer stands.
            alert.verifiedOn = null;
            alert.verifiedById = null;
            alert.verifiedBy = null;
            alert.riskType = null;
            history.record(alert.householdId, actor.display(), "MONITORING_VERIFICATION_SENT_BACK", decision.reason(), List.of());
        } else {
            HouseholdEntity household = HouseholdEntity.findById(alert.householdId);
            // A household monitored already stays so; anything else goes through the lifecycle, which refuses what
            // its status no longer allows (it entered the poor register meanwhile, say).
            if (household.status != HouseholdStatus.MONITORED) {
                households.monitoringDecision(alert.householdId, new TransitionCommand(Action.FLAG_RISK, decision.decidedOn(),
                        "Monitoring alert " + alert.id + " confirmed", alert.riskType), actor.display());
            }
        }
        alert.updatedAt = Instant.now();
        alert.persistAndFlush();
        outbox.record(alert.id.toString(), MonitoringEvents.decided(alert, decision.decidedOn()));
        return alert;
    }

    private LocalDate today() {
        return LocalDate.now(registry.zone());
    }
}
