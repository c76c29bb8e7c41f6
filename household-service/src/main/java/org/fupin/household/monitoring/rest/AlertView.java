package org.fupin.household.monitoring.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.household.monitoring.domain.AlertStatus;
import org.fupin.household.monitoring.domain.AssigneeKind;
import org.fupin.household.monitoring.persistence.MonitoringAlertEntity;
import org.fupin.household.monitoring.persistence.WarningEntity;
import org.fupin.household.monitoring.service.MonitoringQueries;
import org.fupin.household.registry.domain.RiskType;
import org.fupin.platform.privacy.FieldAccess;

/** A monitoring alert (預警), with its signals and the rule versions they fired where the caller reads one alert. */
@Schema(name = "MonitoringAlert")
public record AlertView(UUID id, UUID householdId, String villageCode, AlertStatus status, AssigneeKind assigneeKind,
        @Schema(nullable = true) UUID assigneeId, LocalDate openedOn, LocalDate dueOn,
        @Schema(description = "OPEN past its due day.") boolean overdue,
        @Schema(nullable = true) LocalDate verifiedOn, @Schema(nullable = true) String verifiedBy,
        @Schema(nullable = true) String findings, @Schema(nullable = true) RiskType riskType,
        @Schema(nullable = true) LocalDate decidedOn, @Schema(nullable = true) String decidedBy,
        @Schema(nullable = true) String decisionReason,
        @Schema(description = "Only when one alert is read, and in the worklist.", nullable = true) List<SignalViews.View> signals,
        @Schema(description = "Only when one alert is read, and in the worklist.", nullable = true) List<WarningView> warnings) {

    /** A rule version that fired on a signal of the alert, and the figures it compared. */
    @Schema(name = "MonitoringWarning")
    public record WarningView(UUID signalId, String ruleCode, int ruleVersion, String reason) {
        static WarningView of(WarningEntity w) {
            return new WarningView(w.signalId, w.ruleCode, w.ruleVersion, w.reason);
        }
    }

    static AlertView of(MonitoringAlertEntity a, LocalDate today) {
        return of(a, today, null, null);
    }

    static AlertView of(MonitoringQueries.AlertDetail d, LocalDate today, FieldAccess access) {
        return of(d.alert(), today, d.signals().stream().map(s -> SignalViews.View.of(s, access)).toList(),
                d.warnings().stream().map(WarningView::of).toList());
    }

    private static AlertView of(MonitoringAlertEntity a, LocalDate today, List<SignalViews.View> signals, List<WarningView> warnings) {
        return new AlertView(a.id, a.householdId, a.villageCode, a.status, a.assigneeKind, a.assigneeId, a.openedOn, a.dueOn,
                a.overdue(today), a.verifiedOn, a.verifiedBy, a.findings, a.riskType, a.decidedOn, a.decidedBy, a.decisionReason,
                signals, warnings);
    }
}
