package org.fupin.household.monitoring.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.fupin.household.monitoring.domain.AlertStatus;
import org.fupin.household.monitoring.domain.AssigneeKind;
import org.fupin.household.monitoring.persistence.HelperPairingReplicaEntity;
import org.fupin.household.monitoring.persistence.MonitoringAlertEntity;
import org.fupin.household.monitoring.persistence.WorkTeamReplicaEntity;

/**
 * Who verifies a household's alert: its helper (結對幫扶), else its village's work team (駐村工作隊), else nobody
 * yet, from the replica of assistance.events. When a helper is paired or a pairing ends, the household's open
 * alert follows, so the worklist always shows who is responsible today.
 */
@ApplicationScoped
public class Assignments {

    /** The helper or work team responsible; id null for NONE. */
    public record Assignee(AssigneeKind kind, UUID id) {
    }

    public Assignee of(UUID householdId, String villageCode) {
        return HelperPairingReplicaEntity.currentFor(householdId).map(p -> new Assignee(AssigneeKind.HELPER, p.helperId))
                .or(() -> WorkTeamReplicaEntity.currentFor(villageCode).map(t -> new Assignee(AssigneeKind.WORK_TEAM, t.workTeamId)))
                .orElse(new Assignee(AssigneeKind.NONE, null));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void pairingStarted(UUID pairingId, UUID householdId, UUID helperId, LocalDate startedOn) {
        HelperPairingReplicaEntity row = HelperPairingReplicaEntity.findById(pairingId);
        if (row == null) {
            row = new HelperPairingReplicaEntity();
            row.pairingId = pairingId;
        }
        row.householdId = householdId;
        row.helperId = helperId;
        row.startedOn = startedOn;
        row.persist();
        reassignOpenAlertOf(householdId);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void pairingEnded(UUID pairingId, UUID householdId, LocalDate endedOn) {
        HelperPairingReplicaEntity row = HelperPairingReplicaEntity.findById(pairingId);
        if (row != null) {
            row.endedOn = endedOn;
            row.persistAndFlush();
            reassignOpenAlertOf(householdId);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void workTeamAssigned(UUID workTeamId, String villageCode, UUID leaderId, LocalDate startedOn) {
        WorkTeamReplicaEntity row = WorkTeamReplicaEntity.findById(workTeamId);
        if (row == null) {
            row = new WorkTeamReplicaEntity();
            row.workTeamId = workTeamId;
        }
        row.villageCode = villageCode;
        row.leaderId = leaderId;
        row.startedOn = startedOn;
        row.persistAndFlush();
        List<MonitoringAlertEntity> waiting = MonitoringAlertEntity.list("villageCode = ?1 and status in ?2 and assigneeKind <> ?3",
                villageCode, List.of(AlertStatus.OPEN, AlertStatus.RISK_CONFIRMED), AssigneeKind.HELPER);
        waiting.forEach(this::reassign);
    }

    private void reassignOpenAlertOf(UUID householdId) {
        MonitoringAlertEntity.openFor(householdId).ifPresent(this::reassign);
    }

    private void reassign(MonitoringAlertEntity alert) {
        Assignee assignee = of(alert.householdId, alert.villageCode);
        alert.assigneeKind = assignee.kind();
        alert.assigneeId = assignee.id();
    }
}
