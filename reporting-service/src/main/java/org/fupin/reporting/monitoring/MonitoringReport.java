package org.fupin.reporting.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fupin.platform.inbox.Freshness;
import org.fupin.reporting.report.CsvReport;
import org.fupin.reporting.report.Figures;
import org.fupin.reporting.scope.ReportRegion;

/**
 * The monitoring against return to poverty (防止返貧動態監測) of a region as of a date: the signals other
 * departments sent, the alerts they raised and where those stand, how long verification visits took, the
 * households monitored by type of risk, the risk clearances, and the headline figures of each township of a
 * county (each village of a township).
 */
@Schema(name = "MonitoringReport")
public record MonitoringReport(
        ReportRegion region,
        LocalDate asOf,
        Signals signals,
        Alerts alerts,
        @Schema(description = "Days from an alert's opening to its first verification visit, over the alerts first visited on or "
                + "before the date.")
        VerificationTime verification,
        Monitored monitored,
        Clearances clearances,
        @Schema(description = "The headline figures of each child region: townships of a county, villages of a township.")
        List<RegionMonitoring> rows,
        Freshness freshness) implements CsvReport {

    /**
     * Signals received on or before the date. A signal counts in its household's village; a signal about a person
     * fupin does not know counts in the county of the ID number (in no township), or nowhere when that is unknown.
     */
    public record Signals(
            long received,
            @Schema(description = "Signals about a person not in the register (perhaps a marginal household to register).")
            long unknownPersons,
            @Schema(description = "By what happened (MEDICAL_EXPENSE, DISASTER_LOSS...), every kind present, zero included.")
            Map<String, Long> byKind,
            @Schema(description = "By sending department (FUPIN: cadres' own observations), every department present.")
            Map<String, Long> byDepartment,
            @Schema(description = "By what the signal led to: UNKNOWN_PERSON, NOT_MONITORED, NO_WARNING, ALERT_OPENED, ALERT_JOINED.")
            Map<String, Long> byOutcome) {
    }

    /**
     * Alerts opened on or before the date, by where each stood on it: {@code open + riskConfirmed + dismissed =
     * opened}, and {@code riskConfirmed = awaitingDecision + approved}.
     */
    public record Alerts(
            long opened,
            @Schema(description = "Waiting for the verification visit on the date, those sent back by the township included.")
            long open,
            @Schema(description = "Open alerts whose visit was due before the date.") long overdue,
            @Schema(description = "The visit confirmed the risk (waiting for the township, or approved).") long riskConfirmed,
            @Schema(description = "Risk confirmed, waiting for the township's decision.") long awaitingDecision,
            @Schema(description = "Confirmed by the township on or before the date: the household is monitored.") long approved,
            @Schema(description = "The visit found no risk.") long dismissed) {
    }

    /** Days from opening to the first visit; the percentiles are null when no alert was visited yet. */
    public record VerificationTime(long verified, @Schema(nullable = true) BigDecimal medianDays,
            @Schema(nullable = true) BigDecimal p90Days) {
    }

    /** Households MONITORED on the date, by the risk type (監測對象類型) of the status entry that made them so. */
    public record Monitored(
            @Schema(description = "Every monitored household; the same as the overview's MONITORED households.") long households,
            @Schema(description = "UNSTABLE_EXIT (脫貧不穩定戶), MARGINAL (邊緣易致貧戶), SUDDEN_HARDSHIP (突發嚴重困難戶); a household "
                    + "whose event named no type counts in households only.")
            Map<String, Long> byRiskType) {
    }

    /** Risk clearances (風險消除) proposed on or before the date, and how the township decided them by then. */
    public record Clearances(long proposed,
            @Schema(description = "Proposed and not decided by the date.") long pending,
            @Schema(description = "Approved on or before the date: the household left the monitoring.") long approved,
            long rejected) {
    }

    /** One child region's alerts open and overdue, households monitored and clearances approved on the date. */
    public record RegionMonitoring(ReportRegion region, long openAlerts, long overdueAlerts, long monitoredHouseholds,
            long approvedClearances) {
    }

    @Override
    public List<String> csvHeader() {
        return Figures.HEADER;
    }

    @Override
    public List<List<Object>> csvRows() {
        Figures figures = new Figures(region.code(), asOf);
        figures.add("signals.received", signals.received());
        figures.add("signals.unknownPersons", signals.unknownPersons());
        signals.byKind().forEach((kind, count) -> figures.add("signals.kind." + kind, count));
        signals.byDepartment().forEach((department, count) -> figures.add("signals.department." + department, count));
        signals.byOutcome().forEach((outcome, count) -> figures.add("signals.outcome." + outcome, count));
        figures.add("alerts.opened", alerts.opened());
        figures.add("alerts.open", alerts.open());
        figures.add("alerts.overdue", alerts.overdue());
        figures.add("alerts.riskConfirmed", alerts.riskConfirmed());
        figures.add("alerts.awaitingDecision", alerts.awaitingDecision());
        figures.add("alerts.approved", alerts.approved());
        figures.add("alerts.dismissed", alerts.dismissed());
        figures.add("verification.verified", verification.verified());
        figures.add("verification.medianDays", verification.medianDays());
        figures.add("verification.p90Days", verification.p90Days());
        figures.add("monitored.households", monitored.households());
        monitored.byRiskType().forEach((type, count) -> figures.add("monitored." + type, count));
        figures.add("clearances.proposed", clearances.proposed());
        figures.add("clearances.pending", clearances.pending());
        figures.add("clearances.approved", clearances.approved());
        figures.add("clearances.rejected", clearances.rejected());
        for (RegionMonitoring row : rows) {
            figures.add(row.region().code(), "alerts.open", row.openAlerts());
            figures.add(row.region().code(), "alerts.overdue", row.overdueAlerts());
            figures.add(row.region().code(), "monitored.households", row.monitoredHouseholds());
            figures.add(row.region().code(), "clearances.approved", row.approvedClearances());
        }
        return figures.rows();
    }
}
