package org.fupin.household.monitoring.service;

import java.util.List;

import org.fupin.events.household.MonitoringAlertDecided;
import org.fupin.events.household.MonitoringAlertOpened;
import org.fupin.events.household.MonitoringAlertVerified;
import org.fupin.events.household.RiskClearanceDecided;
import org.fupin.events.household.RiskClearanceProposed;
import org.fupin.events.household.SignalReceived;
import org.fupin.household.monitoring.domain.AlertStatus;
import org.fupin.household.monitoring.domain.ClearanceStatus;
import org.fupin.household.monitoring.domain.Warning;
import org.fupin.household.monitoring.persistence.MonitoringAlertEntity;
import org.fupin.household.monitoring.persistence.RiskClearanceEntity;
import org.fupin.household.monitoring.persistence.SignalEntity;

/** The only mapping from monitoring to its events: ids, codes and dates, never an ID number, an amount or a text. */
final class MonitoringEvents {

    private MonitoringEvents() {
    }

    static SignalReceived received(SignalEntity s) {
        return new SignalReceived(s.id, s.department.name(), s.kind.name(), s.occurredOn, s.receivedOn, s.regionCode,
                s.householdId == null ? null : s.regionCode, s.householdId, s.outcome.name(), s.alertId);
    }

    static MonitoringAlertOpened opened(MonitoringAlertEntity a, List<Warning> warnings) {
        return new MonitoringAlertOpened(a.id, a.householdId, a.villageCode, a.openedOn, a.dueOn, a.assigneeKind.name(), a.assigneeId,
                warnings.stream().map(w -> new MonitoringAlertOpened.RuleVersion(w.rule().code(), w.rule().version())).toList());
    }

    static MonitoringAlertVerified verified(MonitoringAlertEntity a) {
        return new MonitoringAlertVerified(a.id, a.householdId, a.villageCode,
                a.status == AlertStatus.DISMISSED ? "DISMISSED" : "RISK_CONFIRMED", a.riskType == null ? null : a.riskType.name(),
                a.openedOn, a.verifiedOn);
    }

    static MonitoringAlertDecided decided(MonitoringAlertEntity a, java.time.LocalDate decidedOn) {
        boolean approved = a.status == AlertStatus.CONFIRMED;
        return new MonitoringAlertDecided(a.id, a.householdId, a.villageCode, approved, a.status.name(),
                approved ? a.riskType.name() : null, decidedOn);
    }

    static RiskClearanceProposed proposed(RiskClearanceEntity c) {
        return new RiskClearanceProposed(c.id, c.householdId, c.villageCode, c.proposedOn, c.stableMonths);
    }

    static RiskClearanceDecided decided(RiskClearanceEntity c) {
        return new RiskClearanceDecided(c.id, c.householdId, c.villageCode, c.status == ClearanceStatus.APPROVED, c.decidedOn);
    }
}
